"use client";

import { useSyncExternalStore } from "react";
import { formatRelativeTime } from "@/lib/format";

// One shared ticking clock for every relative time on the page, instead of a timer each.
const TICK_MS = 5_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, re-rendering subscribers every few seconds; `serverNow` during SSR/hydration. */
export function useNow(serverNow: number): number {
  return useSyncExternalStore(subscribe, () => now, () => serverNow);
}

/**
 * "3 minutes ago" that keeps ticking, with the exact time (formatted on the server, in the
 * viewer's time zone) as a tooltip. `serverNow` keeps the first render identical on both sides.
 */
export function RelativeTime({ at, exact, serverNow, never = "Never" }: { at: number | null; exact: string | null; serverNow: number; never?: string }) {
  const current = useNow(serverNow);
  if (at === null) return <span className="text-slate-500 dark:text-slate-400">{never}</span>;
  return (
    <time dateTime={new Date(at).toISOString()} title={exact ?? undefined}>
      {formatRelativeTime(at, current)}
    </time>
  );
}
