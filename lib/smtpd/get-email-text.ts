import { simpleParser } from "mailparser";
import { htmlToText } from "./html-to-text";

/**
 * The decoded Subject and the body text the email filters read: the text/plain part and the
 * rendered text/html part, joined by a newline (Healthchecks' `_to_text`; which of the two the
 * check reads is decided by recordPing). Rejects only if mailparser cannot read the message.
 */
export async function getEmailText(raw: Buffer): Promise<{ subject: string; text: string }> {
  const mail = await simpleParser(raw, {
    // mailparser would otherwise fill `text` from the HTML part when there is no text/plain
    // part, and `html` from the text part; the body text is built from the real parts only.
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    // Do not inline cid: images as data URIs; nobody reads them here.
    keepCidLinks: true,
  });
  const chunks = [mail.text ?? "", mail.html ? htmlToText(mail.html) : ""];
  return { subject: mail.subject ?? "", text: chunks.filter((c) => c !== "").join("\n") };
}
