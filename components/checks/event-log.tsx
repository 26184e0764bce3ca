import type { CheckEvent, FlipEvent, NotificationEvent, PingEvent } from "@/lib/checks/get-check-events";
import { formatDateTime, formatRunTime } from "@/lib/format";
import { readRoundPing } from "@/lib/probes/quorum";
import { PingBody } from "./ping-body";

const STATUS_NAMES: Record<string, string> = { new: "new", up: "up", degraded: "degraded", down: "down", paused: "paused" };
const FLIP_COLORS: Record<string, string> = { up: "bg-up", degraded: "bg-degraded", down: "bg-down" };
const ROUND_COLORS: Record<string, string> = { healthy: "bg-up", degraded: "bg-degraded", down: "bg-down" };
const REASONS: Record<string, string> = {
  timeout: "success signal did not arrive on time, grace time passed",
  fail: "received a failure signal",
  reminder: "reminder: the check is still down",
};

/**
 * A probe run's verdict, from the summary line its ping carries ("HTTP 200 in 12.3 ms", "down:
 * …", "degraded: …"): a degraded run is a success ping, so its kind alone would read "Success".
 */
function probeRunLabel(ping: PingEvent): { text: string; color: string } {
  // A multi-region round's ping carries its summary ("down in eu-west; up in local").
  const round = readRoundPing(ping.ua, ping.kind, ping.bodyPreview);
  if (round) return { text: `Probe round: ${round}`, color: ROUND_COLORS[round] };
  if (ping.kind === "fail" || ping.bodyPreview.startsWith("down:")) return { text: "Probe run: down", color: "bg-down" };
  if (ping.bodyPreview.startsWith("degraded:")) return { text: "Probe run: degraded", color: "bg-degraded" };
  return { text: "Probe run: healthy", color: "bg-up" };
}

function pingLabel(ping: PingEvent): { text: string; color: string } {
  if (ping.scheme === "probe") return probeRunLabel(ping);
  if (ping.kind === "ign") return { text: "Ignored", color: "bg-slate-400" };
  if (ping.kind === "log") return { text: "Log", color: "bg-slate-500" };
  if (ping.exitStatus !== null) return { text: `Exit status ${ping.exitStatus}`, color: ping.kind === "fail" ? "bg-down" : "bg-up" };
  if (ping.kind === "fail") return { text: "Failure", color: "bg-down" };
  if (ping.kind === "start") return { text: "Started", color: "bg-started" };
  return { text: "Success", color: "bg-up" };
}

function pingSource(ping: PingEvent): string {
  if (ping.scheme === "probe") return ping.ua.replace(/^Vigil probe/, "Probe") || "Probe";
  if (ping.scheme === "email") return `Email from ${ping.ua.replace(/^Email from /, "") || "unknown sender"}`;
  const from = ping.remoteAddr ? ` from ${ping.remoteAddr}` : "";
  if (ping.method === "" && ping.ua === "Dashboard") return `Dashboard (Ping now)${from}`;
  return `${ping.scheme.toUpperCase()} ${ping.method}${from}`;
}

/** Scheduled maintenance covered the check at that moment (blue, as on status pages). */
function MaintenanceTag({ children }: { children: string }) {
  return (
    <span className="ml-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-950 dark:text-sky-200">{children}</span>
  );
}

function Dot({ color }: { color: string }) {
  return <span className={`mt-1.5 inline-block h-2.5 w-2.5 shrink-0 rounded-full ${color}`} aria-hidden="true" />;
}

function PingRow({ ping, bodyUrl }: { ping: PingEvent; bodyUrl: string }) {
  const label = pingLabel(ping);
  const isProbe = ping.scheme === "probe";
  const showUa = ping.ua && ping.scheme !== "email" && ping.ua !== "Dashboard" && !isProbe;
  return (
    <div className="min-w-0">
      <p className="text-sm">
        <span className="font-medium">{label.text}</span>
        {ping.maintenance && <MaintenanceTag>maintenance</MaintenanceTag>}
        <span className="text-slate-500 dark:text-slate-400"> · #{ping.n} · {pingSource(ping)}</span>
        {ping.durationMs !== null && <span className="text-slate-500 dark:text-slate-400"> · ran {formatRunTime(ping.durationMs)}</span>}
        {ping.failureOf && (
          <span className="text-slate-500 dark:text-slate-400">
            {" "}· failure {ping.failureOf.count} of {ping.failureOf.threshold}, status unchanged
          </span>
        )}
      </p>
      {showUa && <p className="truncate font-mono text-xs text-slate-500 dark:text-slate-400">{ping.ua}</p>}
      {ping.rid && <p className="font-mono text-xs text-slate-500 dark:text-slate-400">run id {ping.rid}</p>}
      {isProbe ? (
        <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{ping.bodyPreview}</p>
      ) : (
        ping.bodySize > 0 && <PingBody preview={ping.bodyPreview} size={ping.bodySize} url={bodyUrl} />
      )}
    </div>
  );
}

function FlipRow({ flip }: { flip: FlipEvent }) {
  const reason = REASONS[flip.reason];
  return (
    <p className="text-sm">
      Status changed from <strong>{STATUS_NAMES[flip.oldStatus] ?? flip.oldStatus}</strong> to{" "}
      <strong>{STATUS_NAMES[flip.newStatus] ?? flip.newStatus}</strong>
      {reason && <span className="text-slate-500 dark:text-slate-400"> ({reason})</span>}
      {flip.held && <MaintenanceTag>held (maintenance)</MaintenanceTag>}
    </p>
  );
}

function NotificationRow({ notification }: { notification: NotificationEvent }) {
  const what = notification.reminder
    ? `“still ${notification.checkStatus}” reminder via ${notification.channelKind} to ${notification.channelLabel}`
    : `“${notification.checkStatus}” notification via ${notification.channelKind} to ${notification.channelLabel}`;
  if (notification.error === "") return <p className="text-sm">Sent {what}</p>;
  if (notification.error === "Sending") return <p className="text-sm">Sending {what}…</p>;
  return (
    <p className="text-sm">
      Failed to send {what}: <span className="text-red-700 dark:text-red-400">{notification.error}</span>
    </p>
  );
}

function eventColor(event: CheckEvent): string {
  if (event.type === "ping") return pingLabel(event).color;
  if (event.type === "flip") return FLIP_COLORS[event.newStatus] ?? "bg-paused";
  return event.error && event.error !== "Sending" ? "bg-down" : "bg-sky-500";
}

/**
 * The check's pings, status changes and notifications, newest first. Times are exact, in the
 * viewer's time zone.
 */
export function EventLog({ events, tz, checkCode }: { events: CheckEvent[]; tz: string; checkCode: string }) {
  if (events.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No events yet. Pings, status changes and notifications will show up here.</p>;
  }
  return (
    <ol className="divide-y divide-slate-100 dark:divide-slate-800">
      {events.map((event, i) => (
        <li key={event.type === "ping" ? `ping-${event.n}` : `${event.type}-${event.at}-${i}`} className="flex gap-3 py-2">
          <Dot color={eventColor(event)} />
          <div className="grid min-w-0 flex-1 gap-x-4 sm:grid-cols-[11rem_minmax(0,1fr)]">
            <time dateTime={new Date(event.at).toISOString()} className="whitespace-nowrap font-mono text-xs leading-6 text-slate-500 dark:text-slate-400">
              {formatDateTime(event.at, tz)}
            </time>
            {event.type === "ping" ? (
              <PingRow ping={event} bodyUrl={`/api/ui/checks/${checkCode}/pings/${event.n}/body`} />
            ) : event.type === "flip" ? (
              <FlipRow flip={event} />
            ) : (
              <NotificationRow notification={event} />
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
