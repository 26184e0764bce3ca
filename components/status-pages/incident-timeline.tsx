import { formatDateTime } from "@/lib/format";
import { componentStatusLabel, toneClass, updateStatusLabel, updateStatusTone, componentStatusTone } from "./labels";
import type { IncidentUpdateView } from "./view";

/** An incident's or maintenance's updates, newest first, as visitors read them on the page. */
export function IncidentTimeline({ updates, timeZone }: { updates: IncidentUpdateView[]; timeZone: string }) {
  if (updates.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No updates yet.</p>;
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4 dark:border-slate-700" aria-label="Updates, newest first">
      {[...updates].reverse().map((u) => (
        <li key={u.code} className="relative space-y-1">
          <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-slate-400 dark:bg-slate-500" />
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className={toneClass(updateStatusTone(u.status))}>{updateStatusLabel(u.status)}</span>
            <time dateTime={u.createdAt.toISOString()} className="text-slate-600 dark:text-slate-400">
              {formatDateTime(u.createdAt, timeZone, { seconds: false })}
            </time>
          </p>
          {u.body && <p className="whitespace-pre-wrap break-words text-sm">{u.body}</p>}
          {u.affected.length > 0 && (
            <ul className="flex flex-wrap gap-2 text-xs" aria-label="Component statuses">
              {u.affected.map((a) => (
                <li key={a.name} className={toneClass(componentStatusTone(a.newStatus))}>
                  {a.name}: {componentStatusLabel(a.newStatus)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
