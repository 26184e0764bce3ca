import type { Actor } from "./actor";
import { requireAccount } from "./permissions";
import { inTransaction, type Tx } from "../db";
import { AppError } from "../errors";
import { generateBackupCodes, hashBackupCode, sealTotpSecret } from "./second-factor";
import { decodeBase32, findTotpStep } from "./totp";

export interface EnableTotpOptions {
  actor: Actor;
  /** The base32 secret the setup page showed (nothing was stored then). */
  secret: unknown;
  /** The current code from the authenticator app, proving it has the secret. */
  code: unknown;
  tx?: Tx;
  now?: Date;
}

function isUsableSecret(secret: string): boolean {
  try {
    return decodeBase32(secret).length >= 10;
  } catch {
    return false;
  }
}

/**
 * Turns on two-factor sign-in for the actor's account once `code` proves the authenticator app
 * has `secret`; the secret is stored encrypted. Returns ten backup codes to show once (only
 * their hashes are kept). Throws AppError("bad_request") for a bad secret or wrong code and
 * AppError("conflict") if it is already on.
 */
export async function enableTotp({ actor, secret, code, tx, now = new Date() }: EnableTotpOptions): Promise<string[]> {
  return inTransaction(tx, async (tx) => {
    const user = await requireAccount(actor, tx);
    if (typeof secret !== "string" || !isUsableSecret(secret)) {
      throw new AppError("bad_request", "The setup key is not valid. Please start again.");
    }
    const step = typeof code === "string" ? findTotpStep(secret, code, now, null) : null;
    if (step === null) {
      throw new AppError("bad_request", "That code is not right. Check the time on your phone and try the current code.", { field: "code" });
    }
    const codes = generateBackupCodes();
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpSecret: null },
      data: { totpSecret: sealTotpSecret(secret), totpLastStep: step, backupCodes: JSON.stringify(codes.map(hashBackupCode)) },
    });
    if (count !== 1) throw new AppError("conflict", "Two-factor authentication is already enabled.");
    return codes;
  });
}
