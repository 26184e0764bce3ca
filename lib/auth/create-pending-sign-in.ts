import { randomBytes } from "node:crypto";
import { getDb, type User } from "../db";
import { hashToken } from "./hash-token";
import { pendingSignInIdentifier } from "./token-identifiers";

/** The second factor must follow the first within 5 minutes (Healthchecks: 300 s). */
export const PENDING_SIGN_IN_TTL_SECONDS = 300;

/**
 * Records that `user` passed the first factor and returns the token that completes the
 * sign-in together with a second-factor code (completeSecondFactor). Stored hashed.
 */
export async function createPendingSignIn(user: User, now = new Date()): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await getDb().verificationToken.create({
    data: {
      identifier: pendingSignInIdentifier(user.id, user.sessionVersion),
      token: hashToken(token),
      expires: new Date(now.getTime() + PENDING_SIGN_IN_TTL_SECONDS * 1000),
    },
  });
  return token;
}
