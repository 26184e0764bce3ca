import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/credentials";
import { inTransaction, type StatusPage, type Tx } from "../db";
import { AppError } from "../errors";
import { requireStatusPageAccess } from "./access";
import { explainTaken, siteHost } from "./create-status-page";
import { touchStatusPage } from "./events";
import { saveComponents } from "./page-components";
import { parsePageSpec } from "./page-spec";
import type { StatusPageSpec } from "./types";

export interface UpdateStatusPageOptions {
  actor: Actor;
  pageCode: string;
  /** Fields left out stay as they are; `components`, when given, is the whole new list. */
  spec: Partial<StatusPageSpec> | Record<string, unknown>;
  tx?: Tx;
  now?: Date;
}

/**
 * Changes a page's settings and components. Components whose check stays keep their code.
 * Throws AppError as createStatusPage does; the page must be the actor's to edit.
 */
export async function updateStatusPage({ actor, pageCode, spec, tx, now = new Date() }: UpdateStatusPageOptions): Promise<StatusPage> {
  const parsed = parsePageSpec(spec, { partial: true, siteHost: siteHost() });
  const newHash = parsed.password ? await hashPassword(parsed.password) : undefined;
  const update = () =>
    inTransaction(tx, async (tx) => {
      const { page } = await requireStatusPageAccess(actor, pageCode, "edit", tx);
      const access = parsed.access ?? page.access;
      if (access === "password" && !newHash && page.passwordHash === "") {
        throw new AppError("bad_request", "a password is required for a password-protected page", { field: "password" });
      }
      if (parsed.slug && parsed.slug !== page.slug && (await tx.statusPage.findUnique({ where: { slug: parsed.slug }, select: { id: true } }))) {
        throw new AppError("bad_request", `slug "${parsed.slug}" is already taken`, { field: "slug" });
      }
      if (parsed.customDomain && parsed.customDomain !== page.customDomain && (await tx.statusPage.findUnique({ where: { customDomain: parsed.customDomain }, select: { id: true } }))) {
        throw new AppError("bad_request", `custom domain ${parsed.customDomain} is already taken`, { field: "custom_domain" });
      }
      await tx.statusPage.update({
        where: { id: page.id },
        data: {
          slug: parsed.slug,
          title: parsed.title,
          description: parsed.description,
          logoUrl: parsed.logoUrl,
          theme: parsed.theme,
          timeZone: parsed.timeZone,
          customDomain: parsed.customDomain,
          access: parsed.access,
          // A page that stops asking for a password forgets it; a new one replaces the old.
          passwordHash: access !== "password" ? "" : newHash,
          autoIncidents: parsed.autoIncidents,
        },
      });
      if (parsed.components) await saveComponents(tx, page, parsed.components, now);
      await touchStatusPage(tx, page.id, now);
      return tx.statusPage.findUniqueOrThrow({ where: { id: page.id } });
    });
  try {
    return await update();
  } catch (err) {
    return explainTaken(err, parsed.slug, parsed.customDomain);
  }
}
