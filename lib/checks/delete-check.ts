import { getDb, type Check } from "../db";
import { AppError } from "../errors";
import { lockCheck } from "./lock-check";

/**
 * Deletes a check with its pings, flips, notifications and channel links (FK cascades) and
 * returns the row as it was. The row lock makes a concurrent ping either finish first or find
 * no check. Throws AppError("not_found", "") if it is already gone.
 */
export async function deleteCheck(checkId: number): Promise<Check> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockCheck(tx, checkId))) throw new AppError("not_found", "");
    return tx.check.delete({ where: { id: checkId } });
  });
}
