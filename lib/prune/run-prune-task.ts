import { plural } from "../format";
import { pruneFlips } from "./prune-flips";
import { pruneNotifications } from "./prune-notifications";
import { prunePings } from "./prune-pings";
import { pruneProbeResults } from "./prune-probe-results";
import { pruneStatusPages } from "./prune-status-pages";
import { pruneTokenBuckets } from "./prune-token-buckets";
import { pruneUsers } from "./prune-users";

export const PRUNE_TASKS = ["pings", "flips", "notifications", "tokenbuckets", "users", "probes", "statuspages"] as const;
export type PruneTask = (typeof PRUNE_TASKS)[number];

export interface PruneReport {
  task: PruneTask;
  /** What was removed, by kind (for --json). */
  removed: Record<string, number | string[]>;
  /** One line for people, e.g. "pings: removed 1234 from 12 checks". */
  summary: string;
}

/** Runs one `vigil prune` task and describes what it removed. */
export async function runPruneTask(task: PruneTask, now: Date = new Date()): Promise<PruneReport> {
  switch (task) {
    case "pings": {
      const r = await prunePings(now);
      const extra =
        r.notifications + r.flips > 0
          ? `, plus ${plural(r.notifications, "notification")} and ${plural(r.flips, "flip")} older than the oldest kept ping`
          : "";
      return { task, removed: { ...r }, summary: `pings: removed ${r.pings} from ${plural(r.checks, "check")}${extra}` };
    }
    case "flips": {
      const r = await pruneFlips(now);
      return { task, removed: { ...r }, summary: `flips: removed ${r.flips} from ${plural(r.checks, "check")}` };
    }
    case "notifications": {
      const r = await pruneNotifications(now);
      return {
        task,
        removed: { ...r },
        summary: `notifications: removed ${r.notifications} from ${plural(r.checks, "check")}, and ${plural(r.testNotifications, "test notification")}`,
      };
    }
    case "tokenbuckets": {
      const tokenBuckets = await pruneTokenBuckets(now);
      return { task, removed: { tokenBuckets }, summary: `tokenbuckets: removed ${tokenBuckets}` };
    }
    case "probes": {
      const r = await pruneProbeResults(now);
      return { task, removed: { ...r }, summary: `probes: removed ${plural(r.results, "probe result")} and ${plural(r.rollups, "rollup")}` };
    }
    case "statuspages": {
      const r = await pruneStatusPages(now);
      return {
        task,
        removed: { ...r },
        summary: `statuspages: removed ${plural(r.subscribers, "unconfirmed subscriber")} and ${plural(r.events, "old subscriber event")}`,
      };
    }
    case "users": {
      const r = await pruneUsers(now);
      const lines = [`users: removed ${plural(r.emails.length, "never-used account")} (with ${plural(r.checks, "check")})`];
      for (const email of r.emails) lines.push(`  ${email}`);
      return { task, removed: { users: r.emails.length, checks: r.checks, emails: r.emails }, summary: lines.join("\n") };
    }
  }
}
