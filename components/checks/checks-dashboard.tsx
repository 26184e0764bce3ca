"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Input, Select } from "@/components/ui/field";
import type { DashboardCheck } from "@/lib/checks/list-dashboard-checks";
import type { FormState } from "@/lib/errors";
import { formatMs } from "@/components/probes/probe-display";
import { CopyButton } from "./copy-button";
import { RelativeTime } from "./relative-time";
import { RowChannelSwitches, type RowChannel } from "./row-channel-switches";
import { ScheduleText } from "./schedule-text";
import { StatusBadge, getStatusLabel, type ShownStatus } from "./status-badge";

export type DashboardSort = "name" | "status" | "last_ping";

const POLL_MS = 5_000;
// Worst first, so "sort by status" puts what needs attention on top.
const STATUS_ORDER: ShownStatus[] = ["down", "grace", "degraded", "started", "up", "new", "paused"];

interface Props {
  projectCode: string;
  initialChecks: DashboardCheck[];
  serverNow: number;
  initialSort: DashboardSort;
  /** Shown while the project has no checks at all. */
  emptyState: ReactNode;
  /** The project's channels, oldest first: each row's integration switches. */
  channels: RowChannel[];
  /** Ping URLs are this followed by the check's UUID... */
  pingEndpoint: string;
  /** ...or this followed by its slug, when the project shows slugs and the check has one. */
  slugPrefix: string | null;
  /** Turns a channel on or off for a check; absent for read-only members. */
  setChannel?: (checkCode: string, channelCode: string, enabled: boolean) => Promise<FormState>;
}

function compare(sort: DashboardSort): (a: DashboardCheck, b: DashboardCheck) => number {
  const byName = (a: DashboardCheck, b: DashboardCheck) =>
    (a.name ? 0 : 1) - (b.name ? 0 : 1) || a.name.localeCompare(b.name, undefined, { sensitivity: "base", numeric: true }) || a.createdAt - b.createdAt;
  if (sort === "status") return (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || byName(a, b);
  if (sort === "last_ping") return (a, b) => (b.lastPing ?? -Infinity) - (a.lastPing ?? -Infinity) || byName(a, b);
  return byName;
}

function matches(check: DashboardCheck, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [check.name, check.slug, check.code, check.desc, ...check.tags].some((v) => v.toLowerCase().includes(q));
}

function getPingUrl(check: DashboardCheck, pingEndpoint: string, slugPrefix: string | null): string {
  return slugPrefix && check.slug ? `${slugPrefix}${check.slug}` : `${pingEndpoint}${check.code}`;
}

/**
 * Keeps the list in sync with the server: polls while the tab is visible, at once when it
 * returns. `setCheckChannels` changes a row here at once; a poll sent before such a change (or
 * before it was saved) could carry the old state, so its answer is dropped.
 */
function usePolledChecks(projectCode: string, initial: DashboardCheck[]) {
  const [checks, setChecks] = useState(initial);
  const [stale, setStale] = useState(false);
  const localChanges = useRef(0);

  const setCheckChannels = useCallback((checkCode: string, update: (channels: string[]) => string[]) => {
    localChanges.current++;
    setChecks((current) => current.map((c) => (c.code === checkCode ? { ...c, channels: update(c.channels) } : c)));
  }, []);

  useEffect(() => {
    let stopped = false;
    let controller: AbortController | null = null;
    const poll = async () => {
      if (stopped || document.hidden) return;
      controller?.abort();
      controller = new AbortController();
      const changesBefore = localChanges.current;
      try {
        const res = await fetch(`/api/ui/projects/${projectCode}/checks`, { cache: "no-store", signal: controller.signal });
        if (res.status === 401 || res.status === 404) {
          // Signed out or access removed: stop asking; a reload shows why.
          stopped = true;
          setStale(true);
          return;
        }
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const data = (await res.json()) as { checks: DashboardCheck[] };
        if (localChanges.current !== changesBefore) return;
        setChecks(data.checks);
        setStale(false);
      } catch (err) {
        if ((err as Error).name !== "AbortError") setStale(true);
      }
    };
    const timer = setInterval(poll, POLL_MS);
    const onVisible = () => void (document.hidden ? undefined : poll());
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      controller?.abort();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [projectCode]);

  return { checks, stale, setCheckChannels };
}

function TagButton({ tag, active, onToggle }: { tag: string; active: boolean; onToggle: (tag: string) => void }) {
  return (
    <button
      type="button"
      aria-pressed={active}
      onClick={() => onToggle(tag)}
      className={`rounded-full border px-2 py-0.5 text-xs font-medium transition-colors ${
        active
          ? "border-sky-600 bg-sky-600 text-white"
          : "border-slate-300 bg-slate-50 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      }`}
    >
      {tag}
    </button>
  );
}

/** An active check's last response time under its last run ("123 ms"). */
function LastRtt({ check }: { check: DashboardCheck }) {
  if (check.lastRttMs === null) return null;
  return (
    <span className="block font-mono text-xs text-slate-500 dark:text-slate-400" title="Response time of the last run">
      {formatMs(check.lastRttMs)}
    </span>
  );
}

function CheckName({ check }: { check: DashboardCheck }) {
  return (
    <>
      <Link href={`/checks/${check.code}/details`} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
        {check.name || <span className="italic text-slate-500 dark:text-slate-400">unnamed</span>}
        {!check.name && <span className="sr-only"> check {check.code}</span>}
      </Link>
      {check.desc && <span className="block max-w-md truncate text-xs text-slate-500 dark:text-slate-400">{check.desc.split("\n")[0]}</span>}
    </>
  );
}

function PingUrl({ check, url }: { check: DashboardCheck; url: string }) {
  return (
    <div className="flex items-center gap-2">
      <code className="block min-w-0 max-w-[14rem] truncate font-mono text-xs text-slate-600 dark:text-slate-300" title={url}>
        {url}
      </code>
      <CopyButton text={url} what={`the ping URL of ${check.name || `check ${check.code}`}`} />
    </div>
  );
}

/** The project's checks with search, tag filters and sorting, kept live by polling. */
export function ChecksDashboard({ projectCode, initialChecks, serverNow, initialSort, emptyState, channels, pingEndpoint, slugPrefix, setChannel }: Props) {
  const { checks, stale, setCheckChannels } = usePolledChecks(projectCode, initialChecks);
  const [query, setQuery] = useState("");
  const [tags, setTags] = useState<string[]>([]);
  const [sort, setSort] = useState<DashboardSort>(initialSort);

  const allTags = useMemo(() => [...new Set(checks.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)), [checks]);
  const visible = useMemo(
    () => checks.filter((c) => matches(c, query) && tags.every((t) => c.tags.includes(t))).sort(compare(sort)),
    [checks, query, tags, sort],
  );
  const counts = useMemo(() => {
    const result = new Map<ShownStatus, number>();
    for (const c of checks) result.set(c.status, (result.get(c.status) ?? 0) + 1);
    return STATUS_ORDER.filter((s) => result.get(s)).map((s) => `${result.get(s)} ${getStatusLabel(s).toLowerCase()}`);
  }, [checks]);

  const toggleTag = useCallback((tag: string) => setTags((current) => (current.includes(tag) ? current.filter((t) => t !== tag) : [...current, tag])), []);
  const changeSort = (value: DashboardSort) => {
    setSort(value);
    // Remembered in the URL, so a reload or a shared link keeps the order.
    const url = new URL(window.location.href);
    url.searchParams.set("sort", value);
    window.history.replaceState(window.history.state, "", url);
  };

  // Shown at once and saved; a refusal puts the switch back and says why.
  const toggleChannel = setChannel
    ? async (checkCode: string, channelCode: string, enabled: boolean): Promise<string | null> => {
        const apply = (on: boolean) => (codes: string[]) => (on ? [...new Set([...codes, channelCode])] : codes.filter((c) => c !== channelCode));
        setCheckChannels(checkCode, apply(enabled));
        let result: FormState;
        try {
          result = await setChannel(checkCode, channelCode, enabled);
        } catch {
          result = { error: "Could not save: check your connection and try again." };
        }
        setCheckChannels(checkCode, apply(result.error ? !enabled : enabled));
        return result.error ?? null;
      }
    : undefined;
  const switches = (check: DashboardCheck) => (
    <RowChannelSwitches
      checkName={check.name}
      channels={channels}
      enabled={check.channels}
      onToggle={toggleChannel && ((channelCode, enabled) => toggleChannel(check.code, channelCode, enabled))}
    />
  );

  if (checks.length === 0) return <>{emptyState}</>;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {checks.length} {checks.length === 1 ? "check" : "checks"}: {counts.join(", ")}
        {stale && <span className="ml-2 text-amber-700 dark:text-amber-400">(live updates paused; reload the page)</span>}
      </p>

      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="check-search" className="mb-1 block text-sm font-medium">
            Search checks
          </label>
          <Input id="check-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, slug, tag or UUID" />
        </div>
        <div className="sm:w-48">
          <label htmlFor="check-sort" className="mb-1 block text-sm font-medium">
            Sort by
          </label>
          <Select id="check-sort" value={sort} onChange={(e) => changeSort(e.target.value as DashboardSort)}>
            <option value="name">Name</option>
            <option value="status">Status</option>
            <option value="last_ping">Last ping</option>
          </Select>
        </div>
      </div>

      {allTags.length > 0 && (
        <div role="group" aria-label="Filter by tag" className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-slate-600 dark:text-slate-400">Tags:</span>
          {allTags.map((tag) => (
            <TagButton key={tag} tag={tag} active={tags.includes(tag)} onToggle={toggleTag} />
          ))}
          {tags.length > 0 && (
            <button type="button" onClick={() => setTags([])} className="text-xs text-sky-700 underline dark:text-sky-400">
              Clear tag filter
            </button>
          )}
        </div>
      )}

      {visible.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No checks match {query ? <>“{query}”</> : "the selected tags"}.
        </p>
      ) : (
        <>
          <table className="hidden w-full border-collapse text-sm md:table">
            <caption className="sr-only">Checks, sorted by {sort === "last_ping" ? "last ping" : sort}</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
                <th scope="col" className="py-2 pr-3 font-medium" aria-sort={sort === "status" ? "ascending" : undefined}>
                  Status
                </th>
                <th scope="col" className="py-2 pr-3 font-medium" aria-sort={sort === "name" ? "ascending" : undefined}>
                  Name
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Tags
                </th>
                <th scope="col" className="hidden py-2 pr-3 font-medium lg:table-cell">
                  Ping URL
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Period / schedule
                </th>
                <th scope="col" className="py-2 pr-3 font-medium" aria-sort={sort === "last_ping" ? "descending" : undefined}>
                  Last ping
                </th>
                {channels.length > 0 && (
                  <th scope="col" className="py-2 font-medium">
                    Integrations
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {visible.map((check) => (
                <tr key={check.code} className="border-b border-slate-100 align-top dark:border-slate-800/60">
                  <td className="py-3 pr-3 whitespace-nowrap">
                    <StatusBadge status={check.status} />
                  </td>
                  <td className="py-3 pr-3">
                    <CheckName check={check} />
                  </td>
                  <td className="py-3 pr-3">
                    <div className="flex flex-wrap gap-1">
                      {check.tags.map((tag) => (
                        <TagButton key={tag} tag={tag} active={tags.includes(tag)} onToggle={toggleTag} />
                      ))}
                    </div>
                  </td>
                  <td className="hidden py-3 pr-3 lg:table-cell">
                    <PingUrl check={check} url={getPingUrl(check, pingEndpoint, slugPrefix)} />
                  </td>
                  <td className="py-3 pr-3">
                    <ScheduleText check={check} />
                  </td>
                  <td className="py-3 pr-3 whitespace-nowrap">
                    <RelativeTime at={check.lastPing} exact={check.lastPingText} serverNow={serverNow} />
                    <LastRtt check={check} />
                  </td>
                  {channels.length > 0 && <td className="py-3">{switches(check)}</td>}
                </tr>
              ))}
            </tbody>
          </table>

          <ul className="space-y-3 md:hidden" aria-label="Checks">
            {visible.map((check) => (
              <li key={check.code} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <CheckName check={check} />
                  </div>
                  <StatusBadge status={check.status} />
                </div>
                <dl className="mt-2 grid grid-cols-2 gap-2 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Period / schedule</dt>
                    <dd>
                      <ScheduleText check={check} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 dark:text-slate-400">Last ping</dt>
                    <dd>
                      <RelativeTime at={check.lastPing} exact={check.lastPingText} serverNow={serverNow} />
                      <LastRtt check={check} />
                    </dd>
                  </div>
                </dl>
                {check.tags.length > 0 && (
                  <div className="mt-2 flex flex-wrap gap-1">
                    {check.tags.map((tag) => (
                      <TagButton key={tag} tag={tag} active={tags.includes(tag)} onToggle={toggleTag} />
                    ))}
                  </div>
                )}
                <div className="mt-2">
                  <PingUrl check={check} url={getPingUrl(check, pingEndpoint, slugPrefix)} />
                </div>
                {channels.length > 0 && <div className="mt-2">{switches(check)}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
