// The render cache behind the public status pages. A page is read most when something is down,
// by everyone at once, so a request must cost a map lookup and a socket write: bytes are built
// once per change of the data they show, compressed once, and answered with a strong ETag.
//
// Nothing is read from the database per request (but for a slug the directory does not know
// yet: that one is looked up, so a page just created is never a 404). A directory of pages (slug, custom domain,
// access) and the snapshots of recently requested pages are kept fresh by one background timer:
// every REFRESH_MS it re-reads the directory and, for each page requested in the last IDLE_MS, a
// cheap fingerprint (its checks' computed statuses, its incidents' and updates' counts and last
// changes, its maintenance phases, the page's local day). When the fingerprint moves, the page is
// rebuilt, so a change made by any process (web app, API, sendalerts, probes) shows within a few
// seconds without any of them telling this one.
import { createHash, createHmac } from "node:crypto";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { getStatus, CHECK_TIMING_SELECT } from "../checks/status";
import { getDb, type Db, type Prisma } from "../db";
import { getEnv } from "../env";
import { onClose } from "../lifecycle";
import { createThrottledLog } from "../throttled-log";
import { renderAtomFeed, renderRssFeed } from "./feeds";
import { renderPageBadgeJson, renderPageBadgeSvg } from "./page-badge";
import { renderHistoryPage, renderStatusPage } from "./render-page";
import { getPageDay, loadPageSnapshot, type PageSnapshot } from "./snapshot";
import { buildStatuspageDocument, getIncidentStatus, STATUSPAGE_DOCUMENTS } from "./statuspage-json";
import type { PageAccess } from "./types";

export const REFRESH_MS = 2_000;
/** A page nobody asked for in this long is dropped from the cache and no longer refreshed. */
const IDLE_MS = 10 * 60_000;
/** Rebuilt at least this often while requested: today's uptime cell moves without any write. */
const MAX_AGE_MS = 60_000;
/** Bodies smaller than this are not worth compressing. */
const MIN_COMPRESS = 256;

export interface DirectoryEntry {
  id: number;
  code: string;
  slug: string;
  title: string;
  customDomain: string | null;
  access: PageAccess;
  projectCode: string;
  updatedAt: number;
  /** For password pages: the cookie value that proves the password was given (else ""). */
  passwordCookie: string;
  /** For password pages: the stored hash the password form verifies against (else ""). */
  passwordHash: string;
}

/** One cached response body, with its precomputed compressed forms. */
export interface CachedBody {
  contentType: string;
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  /** The identity ETag's opaque part; compressed forms append -gz / -br. */
  hash: string;
}

interface PageState {
  fingerprint: string;
  snapshot: PageSnapshot;
  builtAt: number;
  lastRequested: number;
  bodies: Map<string, CachedBody>;
}

/** What a page serves, by path below its root (basePath matters only for the HTML). */
export type Resource =
  | { kind: "page" }
  | { kind: "history" }
  | { kind: "atom" }
  | { kind: "rss" }
  | { kind: "badge-svg" }
  | { kind: "badge-json" }
  | { kind: "json"; document: string };

/** The resource at a path below a page's root ("" is the page), or null. */
export function parseResource(subpath: string): Resource | null {
  switch (subpath) {
    case "":
    case "/":
      return { kind: "page" };
    case "/history":
    case "/history/":
      return { kind: "history" };
    case "/history.atom":
      return { kind: "atom" };
    case "/history.rss":
      return { kind: "rss" };
    case "/badge.svg":
      return { kind: "badge-svg" };
    case "/badge.json":
      return { kind: "badge-json" };
  }
  if (subpath.startsWith("/api/v2/") && subpath.endsWith(".json")) {
    const document = subpath.slice("/api/v2/".length, -".json".length);
    if ((STATUSPAGE_DOCUMENTS as readonly string[]).includes(document)) return { kind: "json", document };
  }
  return null;
}

function renderResource(snapshot: PageSnapshot, resource: Resource, basePath: string): { type: string; text: string } {
  switch (resource.kind) {
    case "page":
      return { type: "text/html; charset=utf-8", text: renderStatusPage(snapshot, { basePath }) };
    case "history":
      return { type: "text/html; charset=utf-8", text: renderHistoryPage(snapshot, { basePath }) };
    case "atom":
      return { type: "application/atom+xml; charset=utf-8", text: renderAtomFeed(snapshot) };
    case "rss":
      return { type: "application/rss+xml; charset=utf-8", text: renderRssFeed(snapshot) };
    case "badge-svg":
      return { type: "image/svg+xml", text: renderPageBadgeSvg(snapshot.ref.name, snapshot.status) };
    case "badge-json":
      return { type: "application/json", text: renderPageBadgeJson(snapshot.ref.name, snapshot.status) };
    case "json":
      return { type: "application/json", text: JSON.stringify(buildStatuspageDocument(snapshot, resource.document)) };
  }
}

function compress(contentType: string, text: string): CachedBody {
  const body = Buffer.from(text, "utf8");
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  if (body.length < MIN_COMPRESS) return { contentType, body, gzip: null, br: null, hash };
  return {
    contentType,
    body,
    gzip: gzipSync(body, { level: 9 }),
    // Quality 5 compresses a page in about a millisecond, close to gzip 9's cost and smaller.
    br: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    hash,
  };
}

/** The HttpOnly cookie a password page's visitors hold once they gave the password. */
export function getPasswordCookieName(pageCode: string): string {
  return `vigil_sp_${pageCode.replace(/[^A-Za-z0-9]/g, "").slice(0, 16)}`;
}

/** HMAC of the page code and its password hash: changing the password signs everyone out. */
export function getPasswordCookieValue(pageCode: string, passwordHash: string, secretKey: string): string {
  return createHmac("sha256", secretKey).update(`status-page-password\0${pageCode}\0${passwordHash}`).digest("base64url");
}

const logDirectoryError = createThrottledLog("status page directory error");

const DIRECTORY_SELECT = {
  id: true,
  code: true,
  slug: true,
  title: true,
  customDomain: true,
  access: true,
  passwordHash: true,
  updatedAt: true,
  project: { select: { code: true } },
} as const;

type DirectoryRow = Prisma.StatusPageGetPayload<{ select: typeof DIRECTORY_SELECT }>;

export class StatusPageCache {
  private bySlug = new Map<string, DirectoryEntry>();
  private byDomain = new Map<string, DirectoryEntry>();
  private directoryLoadedAt = 0;
  private directoryLoading: Promise<void> | null = null;
  private pages = new Map<number, PageState>();
  private building = new Map<number, Promise<PageState | null>>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private lastRequest = 0;

  constructor(
    private readonly opts: { db?: () => Db; refreshMs?: number; now?: () => Date } = {},
  ) {}

  private db(): Db {
    return this.opts.db ? this.opts.db() : getDb();
  }

  private now(): Date {
    return this.opts.now ? this.opts.now() : new Date();
  }

  private get refreshMs(): number {
    return this.opts.refreshMs ?? REFRESH_MS;
  }

  /** A directory row as the cache keeps it (the password cookie is reused while unchanged). */
  private toEntry(row: DirectoryRow, secretKey: string): DirectoryEntry {
    const access: PageAccess = row.access === "password" || row.access === "members" ? row.access : "public";
    const previous = this.bySlug.get(row.slug);
    return {
      id: row.id,
      code: row.code,
      slug: row.slug,
      title: row.title || row.slug,
      customDomain: row.customDomain ? row.customDomain.toLowerCase() : null,
      access,
      projectCode: row.project.code,
      updatedAt: row.updatedAt.getTime(),
      passwordHash: access === "password" ? row.passwordHash : "",
      passwordCookie:
        access !== "password"
          ? ""
          : previous && previous.passwordHash === row.passwordHash && previous.code === row.code
            ? previous.passwordCookie
            : getPasswordCookieValue(row.code, row.passwordHash, secretKey),
    };
  }

  /** Re-reads every page's slug, domain and access (one query). */
  private async loadDirectory(): Promise<void> {
    const rows = await this.db().statusPage.findMany({ select: DIRECTORY_SELECT });
    const { secretKey } = getEnv();
    const bySlug = new Map<string, DirectoryEntry>();
    const byDomain = new Map<string, DirectoryEntry>();
    for (const row of rows) {
      const entry = this.toEntry(row, secretKey);
      bySlug.set(entry.slug, entry);
      if (entry.customDomain) byDomain.set(entry.customDomain, entry);
    }
    this.bySlug = bySlug;
    this.byDomain = byDomain;
    this.directoryLoadedAt = Date.now();
    // Pages that were deleted (or whose id moved to another slug) leave the cache.
    const ids = new Set(rows.map((r) => r.id));
    for (const id of this.pages.keys()) if (!ids.has(id)) this.pages.delete(id);
  }

  private reloadDirectory(): Promise<void> {
    if (!this.directoryLoading) {
      this.directoryLoading = this.loadDirectory().finally(() => {
        this.directoryLoading = null;
      });
    }
    return this.directoryLoading;
  }

  private isDirectoryStale(): boolean {
    return Date.now() - this.directoryLoadedAt > 2 * this.refreshMs;
  }

  /** The page at /status/<slug>, reading the directory first when the refresher is idle. */
  async findBySlug(slug: string): Promise<DirectoryEntry | null> {
    if (this.isDirectoryStale()) await this.reloadDirectory();
    const known = this.bySlug.get(slug);
    if (known) return known;
    // A page created since the last reload must not be a 404 to whoever follows the link the
    // web app or the API just gave them: a miss reads that one slug (one indexed query).
    const row = slug ? await this.db().statusPage.findUnique({ where: { slug }, select: DIRECTORY_SELECT }) : null;
    if (!row) return null;
    const entry = this.toEntry(row, getEnv().secretKey);
    this.bySlug.set(entry.slug, entry);
    return entry;
  }

  /**
   * The page served at this Host (lower-cased, port stripped by the caller), or null. Every
   * request on another host than the site's asks (API clients by IP address too), so only the
   * very first waits for the directory; later a stale one is reloaded in the background.
   */
  async findByDomain(host: string): Promise<DirectoryEntry | null> {
    // A database that cannot be read must not take the site's other pages down with it: the
    // request goes on as if no page had this domain, and the directory is tried again later.
    if (this.directoryLoadedAt === 0 || this.isDirectoryStale()) {
      const reload = this.reloadDirectory().catch((err: unknown) => {
        this.directoryLoadedAt = Date.now();
        logDirectoryError(err);
      });
      if (this.directoryLoadedAt === 0) await reload;
    }
    return this.byDomain.get(host) ?? null;
  }

  /** The cached body of a page's resource, building the page's snapshot when needed. */
  async getBody(entry: DirectoryEntry, resource: Resource, basePath: string): Promise<CachedBody | null> {
    this.touch();
    let state = this.pages.get(entry.id);
    if (!state || state.snapshot.page.updatedAt.getTime() < entry.updatedAt) {
      state = (await this.build(entry.id)) ?? undefined;
      if (!state) return null;
    }
    state.lastRequested = Date.now();
    const key = resource.kind === "page" || resource.kind === "history" ? `${resource.kind}|${basePath}` : resource.kind === "json" ? `json|${resource.document}` : resource.kind;
    let body = state.bodies.get(key);
    if (!body) {
      const { type, text } = renderResource(state.snapshot, resource, basePath);
      body = compress(type, text);
      state.bodies.set(key, body);
    }
    return body;
  }

  /** Builds (or joins the build of) a page's snapshot. */
  private build(pageId: number): Promise<PageState | null> {
    const running = this.building.get(pageId);
    if (running) return running;
    const work = (async () => {
      const now = this.now();
      const previous = this.pages.get(pageId);
      const fingerprint = await this.fingerprint(pageId, now, previous?.snapshot ?? null);
      const snapshot = await loadPageSnapshot(pageId, now, this.db());
      if (!snapshot) {
        this.pages.delete(pageId);
        return null;
      }
      const state: PageState = {
        // The first fingerprint of a page is taken before its maintenances are known: take
        // it again with them, so the first tick does not rebuild for nothing.
        fingerprint: previous ? fingerprint : await this.fingerprint(pageId, now, snapshot),
        snapshot,
        builtAt: Date.now(),
        lastRequested: previous?.lastRequested ?? Date.now(),
        bodies: new Map(),
      };
      this.pages.set(pageId, state);
      return state;
    })().finally(() => this.building.delete(pageId));
    this.building.set(pageId, work);
    return work;
  }

  /**
   * What the page shows depends on, read cheaply: the page row's version, its checks' statuses
   * as getStatus computes them now (a check turns down when its grace ends, without a write),
   * its incidents' and updates' counts and last changes, the phase of each maintenance (they
   * start and end on the clock), and the page's local day (the bars move).
   */
  private async fingerprint(pageId: number, now: Date, snapshot: PageSnapshot | null): Promise<string> {
    const db = this.db();
    const [page, components, incidents, updates] = await Promise.all([
      db.statusPage.findUnique({ where: { id: pageId }, select: { updatedAt: true, timeZone: true } }),
      db.statusComponent.findMany({
        where: { pageId },
        orderBy: { id: "asc" },
        select: { id: true, updatedAt: true, check: { select: CHECK_TIMING_SELECT } },
      }),
      db.statusIncident.aggregate({ where: { pageId }, _count: { _all: true }, _max: { updatedAt: true } }),
      db.statusIncidentUpdate.aggregate({ where: { incident: { pageId } }, _count: { _all: true }, _max: { createdAt: true } }),
    ]);
    if (!page) return "gone";
    const parts: string[] = [String(page.updatedAt.getTime())];
    for (const c of components) {
      let status: string;
      try {
        status = getStatus(c.check, now);
      } catch {
        status = c.check.status;
      }
      parts.push(`${c.id}:${c.updatedAt.getTime()}:${status}`);
    }
    parts.push(`i${incidents._count._all}:${incidents._max.updatedAt?.getTime() ?? 0}`);
    parts.push(`u${updates._count._all}:${updates._max.createdAt?.getTime() ?? 0}`);
    if (snapshot) {
      for (const i of snapshot.incidents) {
        if (i.kind === "maintenance") parts.push(`${i.code}:${getIncidentStatus(i, now)}`);
      }
    }
    parts.push(getPageDay({ page: { timeZone: page.timeZone }, now }));
    return parts.join("|");
  }

  /**
   * One pass of the refresher: reload the directory, drop idle pages, rebuild the pages whose
   * fingerprint moved or which are older than a minute. Tests call it directly.
   */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.loadDirectory();
      const now = this.now();
      for (const [id, state] of [...this.pages]) {
        if (Date.now() - state.lastRequested > IDLE_MS) {
          this.pages.delete(id);
          continue;
        }
        const fingerprint = await this.fingerprint(id, now, state.snapshot);
        if (fingerprint !== state.fingerprint || Date.now() - state.builtAt > MAX_AGE_MS) await this.build(id);
      }
      if (Date.now() - this.lastRequest > IDLE_MS) this.stop();
    } finally {
      this.ticking = false;
    }
  }

  /** Starts the refresher on the first request; it stops itself after IDLE_MS without any. */
  private touch(): void {
    this.lastRequest = Date.now();
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch((err: unknown) => console.error("status page refresh failed:", err));
    }, this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

let shared: StatusPageCache | null = null;

/** The process's cache (dropped when the database connections close, e.g. between test suites). */
export function getStatusPageCache(): StatusPageCache {
  if (!shared) {
    const cache = new StatusPageCache();
    shared = cache;
    onClose("status-page-cache", () => {
      cache.stop();
      if (shared === cache) shared = null;
    });
  }
  return shared;
}
