import type { ProjectSummary } from "@/lib/projects/queries";

const PARTS = [
  { key: "down", label: "down", dot: "bg-down" },
  { key: "grace", label: "late", dot: "bg-grace" },
  { key: "degraded", label: "degraded", dot: "bg-degraded" },
  { key: "started", label: "running", dot: "bg-started" },
  { key: "up", label: "up", dot: "bg-up" },
  { key: "new", label: "new", dot: "bg-new" },
  { key: "paused", label: "paused", dot: "bg-paused" },
] as const;

/** "12 checks" and a count per status, worst first; colours come with words for colour-blind users. */
export function ProjectStatusSummary({ summary }: { summary: Pick<ProjectSummary, "checkCount" | "counts"> }) {
  if (summary.checkCount === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No checks yet.</p>;
  return (
    <div className="text-sm">
      <p>
        {summary.checkCount} {summary.checkCount === 1 ? "check" : "checks"}
      </p>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1" aria-label="Checks by status">
        {PARTS.filter((part) => summary.counts[part.key] > 0).map((part) => (
          <li key={part.key} className="flex items-center gap-1">
            <span className={`inline-block h-2.5 w-2.5 rounded-full ${part.dot}`} aria-hidden="true" />
            {summary.counts[part.key]} {part.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
