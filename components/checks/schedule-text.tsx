import { formatDuration } from "@/lib/format";

/** "every 1 day" for a simple check; the cron/OnCalendar expression and its zone otherwise. */
export function ScheduleText({ check }: { check: { kind: string; timeout: number; grace: number; schedule: string; tz: string } }) {
  if (check.kind === "simple") {
    return (
      <span>
        every {formatDuration(check.timeout)}
        <span className="block text-xs text-slate-500 dark:text-slate-400">grace {formatDuration(check.grace)}</span>
      </span>
    );
  }
  return (
    <span>
      <code className="whitespace-pre-wrap break-all font-mono text-xs">{check.schedule}</code>
      <span className="block text-xs text-slate-500 dark:text-slate-400">
        {check.tz} · grace {formatDuration(check.grace)}
      </span>
    </span>
  );
}
