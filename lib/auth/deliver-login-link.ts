import { AppError } from "../errors";
import { MailError } from "../mail";
import { sendLoginLink } from "./send-login-link";

/** sendLoginLink for forms: a failure to send becomes AppError("unavailable") with a sentence. */
export async function deliverLoginLink(email: string, next?: string): Promise<void> {
  try {
    await sendLoginLink(email, next);
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    console.error(`sending a sign-in link to ${email} failed: ${err.message}`);
    throw new AppError("unavailable", "We could not send the email just now. Please try again in a few minutes.");
  }
}
