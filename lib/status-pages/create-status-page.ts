import type { Actor } from "../auth/actor";
import { hashPassword } from "../auth/credentials";
import { getDb, inTransaction, type StatusPage, type Tx } from "../db";
import { getEnv } from "../env";
import { AppError, isUniqueViolation } from "../errors";
import { requireStatusProjectAccess } from "./access";
import { newStatusCode } from "./events";
import { saveComponents } from "./page-components";
import { parsePageSpec } from "./page-spec";
import type { StatusPageSpec } from "./types";

export interface CreateStatusPageOptions {
  actor: Actor;
  projectCode: string;
  /** From the web app or the API's JSON: checked here, whatever its type says. */
  spec: StatusPageSpec | Record<string, unknown>;
  tx?: Tx;
  now?: Date;
}

/** The instance's own host name, which no page may take as its custom domain. */
export function siteHost(): string {
  return new URL(getEnv().siteRoot).hostname;
}

/**
 * Two writers racing for one slug or domain: the loser's write violates the unique index
 * (the verbs look first, so this is the rare case). Turned into the same 400; which one was
 * taken is looked up, never parsed from the error text.
 */
export async function explainTaken(err: unknown, slug: string | undefined, domain: string | null | undefined): Promise<never> {
  if (!isUniqueViolation(err)) throw err;
  if (domain && (await getDb().statusPage.findUnique({ where: { customDomain: domain }, select: { id: true } }))) {
    throw new AppError("bad_request", `custom domain ${domain} is already taken`, { field: "custom_domain" });
  }
  throw new AppError("bad_request", `slug "${slug ?? ""}" is already taken`, { field: "slug" });
}

/**
 * Creates a status page with its components. Throws AppError: access (owners, managers and
 * read-write keys), "bad_request" for invalid settings, a taken slug or custom domain, or a
 * component check that is unknown or another project's.
 */
export async function createStatusPage({ actor, projectCode, spec, tx, now = new Date() }: CreateStatusPageOptions): Promise<StatusPage> {
  const parsed = parsePageSpec(spec, { siteHost: siteHost() });
  if (parsed.access === "password" && !parsed.password) {
    throw new AppError("bad_request", "a password is required for a password-protected page", { field: "password" });
  }
  const passwordHash = parsed.access === "password" && parsed.password ? await hashPassword(parsed.password) : "";
  const create = () =>
    inTransaction(tx, async (tx) => {
      const { project } = await requireStatusProjectAccess(actor, projectCode, "edit", tx);
      // Look before inserting: a unique violation aborts a PostgreSQL transaction.
      if (await tx.statusPage.findUnique({ where: { slug: parsed.slug! }, select: { id: true } })) {
        throw new AppError("bad_request", `slug "${parsed.slug}" is already taken`, { field: "slug" });
      }
      if (parsed.customDomain && (await tx.statusPage.findUnique({ where: { customDomain: parsed.customDomain }, select: { id: true } }))) {
        throw new AppError("bad_request", `custom domain ${parsed.customDomain} is already taken`, { field: "custom_domain" });
      }
      const page = await tx.statusPage.create({
        data: {
          code: newStatusCode(),
          projectId: project.id,
          slug: parsed.slug!,
          title: parsed.title!,
          description: parsed.description ?? "",
          logoUrl: parsed.logoUrl ?? "",
          theme: parsed.theme ?? "system",
          timeZone: parsed.timeZone ?? "UTC",
          customDomain: parsed.customDomain ?? null,
          access: parsed.access ?? "public",
          passwordHash,
          autoIncidents: parsed.autoIncidents ?? false,
          createdAt: now,
          updatedAt: now,
        },
      });
      await saveComponents(tx, page, parsed.components ?? [], now);
      return page;
    });
  try {
    return await create();
  } catch (err) {
    return explainTaken(err, parsed.slug, parsed.customDomain);
  }
}
