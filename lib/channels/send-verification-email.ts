import type { Channel, Project } from "../db";
import { getEnv } from "../env";
import { getEmailConfig } from "../integrations/email";
import { sendMail } from "../mail";
import { getVerifyToken } from "./get-verify-token";

/**
 * Emails the channel's address a link to confirm it wants this project's notifications
 * (Healthchecks' Channel.send_verify_link). Throws MailError when the mail cannot be sent.
 */
export async function sendVerificationEmail(channel: Channel & { project: Project }): Promise<void> {
  const { siteRoot, siteName } = getEnv();
  const address = getEmailConfig(channel).value;
  const link = `${siteRoot}/integrations/${channel.code}/verify/${getVerifyToken(channel.code, address)}`;
  const project = channel.project.name || "Default Project";
  await sendMail({
    to: address,
    subject: `Verify email address on ${siteName}`,
    text: [
      "Hello,",
      "",
      `Someone (probably you) asked ${siteName} to send notifications about the project "${project}" to this address.`,
      "To start receiving them, confirm the address by opening this link:",
      "",
      link,
      "",
      "If you did not ask for this, ignore this message: nothing will be sent until the address is confirmed.",
      "",
      "--",
      `Regards, ${siteName}`,
      "",
    ].join("\n"),
  });
}
