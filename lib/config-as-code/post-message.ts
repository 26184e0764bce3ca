// `vigil message --about "<component>" "text"`: Checkup's `checkup message`, on Vigil's status
// pages. The update goes to the open incident that shows the component on each page that has
// it; where none is open, an incident is opened with the text.
import type { ApiClient } from "./api-client";
import { ConfigError } from "./model";

export const MESSAGE_STATUSES = ["investigating", "identified", "monitoring", "resolved"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

type Dict = Record<string, unknown>;
interface Component { id: string; check: string; name: string }
interface Incident { id: string; name: string; status: string; resolved_at: string | null; components: { check: string }[] }

export interface PostMessageOptions {
  about: string;
  text: string;
  /** Default: an update keeps the incident's status; a new incident starts "investigating". */
  status?: MessageStatus;
}

/**
 * Posts the message; returns one line per page saying what was done. Throws ConfigError when
 * no page shows a component of that name, or when asked to resolve where nothing is open.
 */
export async function postMessage(client: ApiClient, { about, text, status }: PostMessageOptions): Promise<string[]> {
  if (!text.trim()) throw new ConfigError("the message text is empty");
  const { status_pages: pages } = await client.get<{ status_pages: (Dict & { id: string; slug: string; components: Component[] })[] }>("status-pages/");
  const wanted = about.trim().toLowerCase();
  const targets = pages.flatMap((page) => {
    const component = page.components.find((c) => c.name === about) ?? page.components.find((c) => c.name.toLowerCase() === wanted);
    return component ? [{ page, component }] : [];
  });
  if (targets.length === 0) {
    const known = [...new Set(pages.flatMap((p) => p.components.map((c) => c.name)))];
    throw new ConfigError(`no status page shows a component named "${about}"${known.length ? ` (components: ${known.join(", ")})` : ""}`);
  }
  const done: string[] = [];
  for (const { page, component } of targets) {
    const base = `status-pages/${page.id}/incidents`;
    const { incidents } = await client.get<{ incidents: Incident[] }>(`${base}?limit=100`);
    const open = incidents.find((i) => i.resolved_at === null && i.components.some((c) => c.check === component.check));
    if (open) {
      const next = status ?? open.status;
      await client.post(`${base}/${open.id}/updates`, { status: next, body: text });
      done.push(`status page "${page.slug}": posted an update (${next}) to incident "${open.name}"`);
    } else {
      if (status === "resolved") throw new ConfigError(`status page "${page.slug}" has no open incident about "${component.name}" to resolve`);
      const name = text.length > 100 ? `${text.slice(0, 99)}…` : text;
      // The component is linked as operational: the message says what is wrong, not the check.
      const created = await client.post<Dict>(`${base}/`, { name, status: status ?? "investigating", body: text, components: { [component.check]: "operational" } });
      done.push(`status page "${page.slug}": opened incident "${String(created.name)}" about "${component.name}"`);
    }
  }
  return done;
}
