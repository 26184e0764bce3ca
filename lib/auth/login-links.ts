// Sign-in links: the emailed magic link, and the set-up link an invite makes for an account it
// created. Each opens /accounts/check-token/<token>, a page with a "Sign in" button that POSTs
// to next-auth's email callback (mail scanners that fetch links cannot use them up); the
// adapter spends the token there through spendSignInToken.
import { getDb, type Tx, type VerificationToken } from "../db";
import { getEnv } from "../env";
import { AppError, isRecordNotFound } from "../errors";
import { escapeHtml } from "../format";
import { MailError, sendMail } from "../mail";
import { safeNextPath } from "./request-trust";
import {
  createVerificationToken,
  findVerificationToken,
  isSignInIdentifier,
  parseSetupIdentifier,
  setupIdentifier,
} from "./verification-tokens";

export const LOGIN_LINK_TTL_SECONDS = 3600;

function linkTo(token: string, next: string | undefined): string {
  const path = safeNextPath(next);
  const query = path ? `?${new URLSearchParams({ next: path })}` : "";
  return `${getEnv().siteRoot}/accounts/check-token/${token}${query}`;
}

/**
 * A sign-in link for `email` (absolute URL, valid one hour, single use), leading to `next` (a
 * path on this site) after sign-in. It signs in only an existing account.
 */
export async function createLoginLink(email: string, next?: string, now = new Date()): Promise<string> {
  const identifier = email.trim().toLowerCase();
  return linkTo(await createVerificationToken({ identifier, ttlSeconds: LOGIN_LINK_TTL_SECONDS, now }), next);
}

/**
 * The "set up your account" link for an account an invite just created: like a sign-in link,
 * but it works only until the account has signed in once, by this link or any other way. It is
 * the only link an inviter may be shown: for an account that already exists it would be a
 * sign-in as somebody else.
 */
export async function createSetupLink(userId: number, next?: string, tx?: Tx): Promise<string> {
  return linkTo(await createVerificationToken({ identifier: setupIdentifier(userId), ttlSeconds: LOGIN_LINK_TTL_SECONDS, tx }), next);
}

/** The account a set-up token may still sign in: one that has never signed in. */
async function findSetupUser(identifier: string, db: Tx = getDb()): Promise<{ email: string } | null> {
  const setup = parseSetupIdentifier(identifier);
  if (!setup) return null;
  return db.user.findFirst({ where: { id: setup.userId, lastLoginAt: null }, select: { email: true } });
}

/**
 * The address a link's token signs in, while the token is usable, without using it up (for the
 * page that asks "Sign in as ...?"); null otherwise.
 */
export async function findLoginLink(token: string, now = new Date()): Promise<{ email: string } | null> {
  const row = await findVerificationToken(token, now);
  if (!row) return null;
  if (isSignInIdentifier(row.identifier)) return { email: row.identifier };
  return findSetupUser(row.identifier);
}

/**
 * Uses up a sign-in or set-up token (hashed, as next-auth passes it) and returns it with the
 * address to sign in as its identifier, or null when it is unknown, of another kind, for
 * another address, or a set-up token of an account that has signed in since. Of two
 * concurrent uses, only one gets the token.
 */
export async function spendSignInToken(hashedToken: string, identifier?: string): Promise<VerificationToken | null> {
  const db = getDb();
  const row = await db.verificationToken.findUnique({ where: { token: hashedToken } });
  if (!row) return null;
  const email = isSignInIdentifier(row.identifier) ? row.identifier : (await findSetupUser(row.identifier))?.email;
  if (!email || (identifier && email !== identifier)) return null;
  try {
    await db.verificationToken.delete({ where: { token: hashedToken } });
  } catch (err) {
    if (isRecordNotFound(err)) return null;
    throw err;
  }
  return { ...row, identifier: email };
}

/** Deletes the set-up links of an account that has now signed in (they are useless anyway). */
export async function deleteSetupLinks(userId: number): Promise<void> {
  await getDb().verificationToken.deleteMany({ where: { identifier: setupIdentifier(userId) } });
}

/**
 * Emails `email` a sign-in link that leads to `next` afterwards. Callers apply the rate limits
 * and decide whether the address should get a link at all. Throws AppError("unavailable")
 * with a sentence for the form when the mail cannot be sent.
 */
export async function sendLoginLink(email: string, next?: string): Promise<void> {
  const { siteName } = getEnv();
  const link = await createLoginLink(email, next);
  // The link comes first: people (and the browser tests) take the first URL in the text.
  const text = [
    "Hello,",
    "",
    `To sign in to ${siteName}, open this link:`,
    "",
    link,
    "",
    "The link works once and for one hour. If you did not ask for it, you can ignore this email:",
    "nobody can sign in without opening it.",
    "",
    `-- ${siteName}`,
  ].join("\n");
  const html = `<p>Hello,</p>
<p>To sign in to ${escapeHtml(siteName)}, open this link:</p>
<p><a href="${escapeHtml(link)}">Sign in to ${escapeHtml(siteName)}</a></p>
<p style="color:#64748b">The link works once and for one hour. If you did not ask for it, you can ignore this email: nobody can sign in without opening it.</p>`;
  try {
    await sendMail({ to: email, subject: `Sign in to ${siteName}`, text, html });
  } catch (err) {
    if (!(err instanceof MailError)) throw err;
    console.error(`sending a sign-in link to ${email} failed: ${err.message}`);
    throw new AppError("unavailable", "We could not send the email just now. Please try again in a few minutes.");
  }
}

