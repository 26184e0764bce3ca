import { getDb } from "../db";
import { AppError } from "../errors";
import { generateBackupCodes, hashBackupCode } from "./backup-codes";
import { decodeBase32, findTotpStep } from "./totp";

/**
 * Turns on two-factor sign-in with `secret` once `code` proves the authenticator app has it.
 * Returns ten backup codes to show once (only their hashes are kept). Throws
 * AppError("bad_request") for a wrong code and AppError("conflict") if it is already on.
 */
export async function enableTotp(userId: number, secret: string, code: string, now = new Date()): Promise<string[]> {
  let valid = false;
  try {
    valid = decodeBase32(secret).length >= 10;
  } catch {
    valid = false;
  }
  if (!valid) throw new AppError("bad_request", "The setup key is not valid. Please start again.");
  const step = findTotpStep(secret, code, now, null);
  if (step === null) throw new AppError("bad_request", "That code is not right. Check the time on your phone and try the current code.");
  const codes = generateBackupCodes();
  const { count } = await getDb().user.updateMany({
    where: { id: userId, totpSecret: null },
    data: { totpSecret: secret, totpLastStep: step, backupCodes: JSON.stringify(codes.map(hashBackupCode)) },
  });
  if (count !== 1) throw new AppError("conflict", "Two-factor authentication is already enabled.");
  return codes;
}
