// VerificationToken.identifier for each kind of token. next-auth requires a sign-in link's
// identifier to be the bare email address; every other kind starts with "~", which no email
// address does, so the adapter can refuse to sign anyone in with them.
export const INTERNAL_TOKEN_PREFIX = "~";

/**
 * A first factor passed, the second is pending (5 minutes). The session version is part of it
 * so a password change or "sign out everywhere" meanwhile cancels the pending sign-in.
 */
export function pendingSignInIdentifier(userId: number, sessionVersion: number): string {
  return `${INTERNAL_TOKEN_PREFIX}2fa:${userId}:${sessionVersion}`;
}

export function parsePendingSignInIdentifier(identifier: string): { userId: number; sessionVersion: number } | null {
  const m = /^~2fa:(\d+):(\d+)$/.exec(identifier);
  return m ? { userId: Number(m[1]), sessionVersion: Number(m[2]) } : null;
}

/** A requested change of the user's email address to `newEmail` (1 hour). */
export function emailChangeIdentifier(userId: number, newEmail: string): string {
  return `${INTERNAL_TOKEN_PREFIX}email:${userId}:${newEmail}`;
}

export function parseEmailChangeIdentifier(identifier: string): { userId: number; newEmail: string } | null {
  const m = /^~email:(\d+):(.+)$/.exec(identifier);
  return m ? { userId: Number(m[1]), newEmail: m[2] } : null;
}

export function isSignInIdentifier(identifier: string): boolean {
  return !identifier.startsWith(INTERNAL_TOKEN_PREFIX);
}
