import type { Actor } from "../auth/actor";
import { inTransaction, type StatusPage, type Tx } from "../db";
import { requireStatusPageAccess } from "./access";

export interface DeleteStatusPageOptions {
  actor: Actor;
  pageCode: string;
  tx?: Tx;
}

/**
 * Deletes a page with its components, incidents, subscribers and pending deliveries (the
 * foreign keys cascade). Returns the page as it was. Throws AppError on access.
 */
export async function deleteStatusPage({ actor, pageCode, tx }: DeleteStatusPageOptions): Promise<StatusPage> {
  return inTransaction(tx, async (tx) => {
    const { page } = await requireStatusPageAccess(actor, pageCode, "edit", tx);
    await tx.statusPage.delete({ where: { id: page.id } });
    return page;
  });
}
