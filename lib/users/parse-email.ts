import { AppError } from "../errors";

// Django's EmailValidator also accepts bare "localhost" domains, which self-hosters use.
const EMAIL = /^[^\s@]+@([^\s@.]+\.)+[^\s@.]+$|^[^\s@]+@localhost$/;

/** The address trimmed and lowercased (how User.email is stored); AppError("bad_request") if it is not one. */
export function parseEmail(input: unknown): string {
  const email = typeof input === "string" ? input.trim().toLowerCase() : "";
  if (!email) throw new AppError("bad_request", "Please enter your email address.");
  if (email.length > 254 || !EMAIL.test(email)) throw new AppError("bad_request", "Please enter a valid email address.");
  return email;
}
