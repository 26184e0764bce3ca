"use client";

import { useState } from "react";
import { KindIcon } from "@/components/integrations/kind-icon";
import type { KindIconName } from "@/lib/integrations/descriptor";

/** One of the project's channels as a dashboard row shows it: a small icon that is a switch. */
export interface RowChannel {
  code: string;
  /** The channel's name, else where it delivers ("ops@example.org"). */
  label: string;
  /** The kind as the UI names it ("Email"). */
  kindLabel: string;
  icon: KindIconName;
  /** Switched off after a permanent delivery error. */
  disabled: boolean;
}

interface Props {
  checkName: string;
  channels: RowChannel[];
  /** Codes of the channels that notify for the check. */
  enabled: string[];
  /** Absent for read-only members: they see the state and nothing to press. */
  onToggle?: (channelCode: string, enabled: boolean) => Promise<string | null>;
}

const ICON_ON = "border-sky-600 bg-sky-50 text-sky-700 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-300";
const ICON_OFF = "border-slate-200 text-slate-400 dark:border-slate-700 dark:text-slate-500";

function describe(channel: RowChannel): string {
  return `${channel.kindLabel}: ${channel.label}${channel.disabled ? " (disabled after delivery errors)" : ""}`;
}

/**
 * The row's "Integrations" column, as in Healthchecks' checks list: every channel of the project
 * as an icon, filled when it notifies for the check. Members press one to turn it on or off; the
 * caller saves it and answers with an error message, or null.
 */
export function RowChannelSwitches({ checkName, channels, enabled, onToggle }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (channels.length === 0) return null;
  const name = checkName || "this check";

  const toggle = async (channel: RowChannel, on: boolean) => {
    if (!onToggle) return;
    setBusy(channel.code);
    setError(await onToggle(channel.code, on));
    setBusy(null);
  };

  return (
    <div>
      <ul role="list" aria-label={`Integrations of ${name}`} className="flex flex-wrap gap-1">
        {channels.map((channel) => {
          const on = enabled.includes(channel.code);
          const text = describe(channel);
          const box = `inline-flex h-7 w-7 items-center justify-center rounded-md border ${on ? ICON_ON : ICON_OFF} ${channel.disabled ? "ring-1 ring-red-500" : ""}`;
          return (
            <li key={channel.code}>
              {onToggle ? (
                <button
                  type="button"
                  role="switch"
                  aria-checked={on}
                  aria-label={text}
                  aria-busy={busy === channel.code || undefined}
                  title={`${text}: ${on ? "notifies" : "does not notify"} for ${name}. Press to turn ${on ? "off" : "on"}.`}
                  onClick={() => void toggle(channel, !on)}
                  className={`${box} transition-colors hover:border-sky-500`}
                >
                  <KindIcon icon={channel.icon} className="h-4 w-4" />
                </button>
              ) : (
                <span className={box} title={`${text}: ${on ? "notifies" : "does not notify"} for ${name}`}>
                  <KindIcon icon={channel.icon} className="h-4 w-4" />
                  <span className="sr-only">
                    {text}: {on ? "on" : "off"}
                  </span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
