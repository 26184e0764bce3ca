"use client";

import { useEffect, useState } from "react";
import type { SchedulePreview as Preview } from "@/lib/checks/preview-schedule";
import type { UiErrorBody } from "@/lib/errors";

/** What the preview route answered: a preview, or why the expression or zone is not valid. */
type Outcome = { ok: true; preview: Preview } | { ok: false; error: string };

const DEBOUNCE_MS = 250;

/**
 * Validates the schedule as the user types (the same rules and messages as saving) and shows
 * its description and next runs, from the server's schedule engine.
 */
export function SchedulePreview({ url, schedule, tz }: { url: string; schedule: string; tz: string }) {
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${url}?${new URLSearchParams({ schedule, tz })}`, { signal: controller.signal, cache: "no-store" });
        // 400 is the answer for an invalid schedule or zone, with the message saving would give.
        if (res.status === 400) setPreview({ ok: false, error: ((await res.json()) as UiErrorBody).error.message });
        else if (!res.ok) throw new Error(`HTTP ${res.status}`);
        else setPreview({ ok: true, preview: (await res.json()) as Preview });
        setFailed(false);
      } catch (err) {
        if ((err as Error).name !== "AbortError") setFailed(true);
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, schedule, tz]);

  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-800 dark:bg-slate-950" aria-live="polite">
      {failed ? (
        <p className="text-slate-600 dark:text-slate-400">Could not check the schedule right now.</p>
      ) : !preview ? (
        <p className="text-slate-600 dark:text-slate-400">Checking the schedule…</p>
      ) : !preview.ok ? (
        <p className="text-red-600 dark:text-red-400">
          <span className="font-medium">Not valid:</span> {preview.error}
        </p>
      ) : (
        <div className="space-y-2">
          <p>
            <span className="font-medium">{preview.preview.description}</span>{" "}
            <span className="text-slate-500 dark:text-slate-400">({preview.preview.kind === "cron" ? "cron" : "OnCalendar"}, {tz})</span>
          </p>
          {preview.preview.nextRuns.length ? (
            <div>
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Next runs</p>
              <ol className="mt-1 space-y-0.5 font-mono text-xs">
                {preview.preview.nextRuns.map((run) => (
                  <li key={run.at}>{run.text}</li>
                ))}
              </ol>
            </div>
          ) : (
            <p className="text-amber-700 dark:text-amber-400">This schedule never runs again.</p>
          )}
        </div>
      )}
    </div>
  );
}
