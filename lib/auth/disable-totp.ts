import type { Actor } from "./actor";
import { requireAccount } from "./permissions";
import { getDb } from "../db";
import { AppError } from "../errors";
import { RATE_LIMITED_MESSAGE } from "../rate-limit/rate-limits";
import { verifySecondFactor } from "./second-factor";

export interface DisableTotpOptions {
  actor: Actor;
  /** A current TOTP code or a backup code. */
  code: unknown;
  now?: Date;
}

/**
 * Turns off two-factor sign-in after checking a current TOTP or backup code, so a session left
 * open on someone else's computer cannot remove it. Throws AppError("bad_request") for a wrong
 * code and AppError("rate_limited") after too many attempts. No transaction: the attempt and
 * the used-up code must stay counted whatever happens next.
 */
export async function disableTotp({ actor, code, now = new Date() }: DisableTotpOptions): Promise<void> {
  const user = await requireAccount(actor);
  const result = typeof code === "string" ? await verifySecondFactor(user, code, now) : "invalid";
  if (result === "rate_limited") throw new AppError("rate_limited", RATE_LIMITED_MESSAGE);
  if (result !== "ok") throw new AppError("bad_request", "That code is not right.", { field: "code" });
  await getDb().user.updateMany({
    where: { id: user.id, totpSecret: { not: null } },
    data: { totpSecret: null, totpLastStep: null, backupCodes: "[]" },
  });
}
