// Single-use tokens (VerificationToken): sign-in links, set-up links from invites, pending
// second factors and email changes. Only a hash of each token is stored (hashToken).
// next-auth requires a sign-in link's identifier to be the bare email address; every other kind
// starts with "~", which no email address does, so it can never be taken for a sign-in link.
import { randomBytes } from "node:crypto";
import { getDb, type Prisma, type Tx, type VerificationToken } from "../db";
import { hashToken } from "./secrets";

export const INTERNAL_TOKEN_PREFIX = "~";

/**
 * A first factor passed, the second is pending. The session version is part of it so a
 * password change or "sign out everywhere" meanwhile cancels the pending sign-in.
 */
export function pendingSignInIdentifier(userId: number, sessionVersion: number): string {
  return `${INTERNAL_TOKEN_PREFIX}2fa:${userId}:${sessionVersion}`;
}

export function parsePendingSignInIdentifier(identifier: string): { userId: number; sessionVersion: number } | null {
  const m = /^~2fa:(\d+):(\d+)$/.exec(identifier);
  return m ? { userId: Number(m[1]), sessionVersion: Number(m[2]) } : null;
}

/** A requested change of the user's email address to `newEmail`. */
export function emailChangeIdentifier(userId: number, newEmail: string): string {
  return `${INTERNAL_TOKEN_PREFIX}email:${userId}:${newEmail}`;
}

export function parseEmailChangeIdentifier(identifier: string): { userId: number; newEmail: string } | null {
  const m = /^~email:(\d+):(.+)$/.exec(identifier);
  return m ? { userId: Number(m[1]), newEmail: m[2] } : null;
}

/** "Set up your account": the first sign-in of an account an invite created. */
export function setupIdentifier(userId: number): string {
  return `${INTERNAL_TOKEN_PREFIX}setup:${userId}`;
}

export function parseSetupIdentifier(identifier: string): { userId: number } | null {
  const m = /^~setup:(\d+)$/.exec(identifier);
  return m ? { userId: Number(m[1]) } : null;
}

export function isSignInIdentifier(identifier: string): boolean {
  return !identifier.startsWith(INTERNAL_TOKEN_PREFIX);
}

/** Every token that acts for the user, whatever its kind (to delete them with the account). */
export function userTokensWhere(user: { id: number; email: string }): Prisma.VerificationTokenWhereInput {
  return {
    OR: [
      { identifier: user.email },
      { identifier: setupIdentifier(user.id) },
      { identifier: { startsWith: `${INTERNAL_TOKEN_PREFIX}2fa:${user.id}:` } },
      { identifier: { startsWith: `${INTERNAL_TOKEN_PREFIX}email:${user.id}:` } },
    ],
  };
}

/**
 * Stores a new token for `identifier`, valid `ttlSeconds`, and returns it in clear (it cannot
 * be recovered later). Expired tokens of every kind are deleted on the way, so the table only
 * holds live ones.
 */
export async function createVerificationToken(opts: {
  identifier: string;
  ttlSeconds: number;
  now?: Date;
  tx?: Tx;
}): Promise<string> {
  const { identifier, ttlSeconds, now = new Date(), tx = getDb() } = opts;
  const token = randomBytes(24).toString("base64url");
  await tx.verificationToken.deleteMany({ where: { expires: { lt: now } } });
  await tx.verificationToken.create({
    data: { identifier, token: hashToken(token), expires: new Date(now.getTime() + ttlSeconds * 1000) },
  });
  return token;
}

/** The stored row of a clear token while it is unexpired, without using it up; null otherwise. */
export async function findVerificationToken(token: string, now = new Date(), db: Tx = getDb()): Promise<VerificationToken | null> {
  const row = await db.verificationToken.findUnique({ where: { token: hashToken(token) } });
  return row && row.expires.getTime() >= now.getTime() ? row : null;
}
