"use client";

import { useOptimistic, useState, useTransition } from "react";
import type { CheckChannel } from "@/lib/checks/check-channels";
import type { FormState } from "@/lib/errors";

/** One switch per project channel: whether it notifies for this check. Saved on each toggle. */
export function ChannelToggles({
  channels,
  setChannel,
  canWrite,
}: {
  channels: CheckChannel[];
  setChannel: (channelCode: string, enabled: boolean) => Promise<FormState>;
  canWrite: boolean;
}) {
  const [optimistic, setOptimistic] = useOptimistic(channels, (current, change: { code: string; enabled: boolean }) =>
    current.map((c) => (c.code === change.code ? { ...c, enabled: change.enabled } : c)),
  );
  const [, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const toggle = (channel: CheckChannel) =>
    startTransition(async () => {
      setOptimistic({ code: channel.code, enabled: !channel.enabled });
      const result = await setChannel(channel.code, !channel.enabled);
      setError(result.error ?? null);
    });

  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {optimistic.map((channel) => {
          const labelId = `channel-${channel.code}`;
          return (
            <li key={channel.code} className="flex items-center justify-between gap-3 py-2">
              <span id={labelId} className="min-w-0 text-sm">
                <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium uppercase text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                  {channel.kind}
                </span>
                <span className="break-all">{channel.label}</span>
                {channel.disabled && <span className="ml-1 text-xs text-red-600 dark:text-red-400">(disabled after delivery errors)</span>}
              </span>
              {canWrite ? (
                <button
                  type="button"
                  role="switch"
                  aria-checked={channel.enabled}
                  aria-labelledby={labelId}
                  onClick={() => toggle(channel)}
                  className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors ${channel.enabled ? "bg-sky-600" : "bg-slate-300 dark:bg-slate-700"}`}
                >
                  <span className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${channel.enabled ? "translate-x-5" : "translate-x-0.5"}`} />
                </button>
              ) : (
                <span className="text-sm text-slate-600 dark:text-slate-400">{channel.enabled ? "On" : "Off"}</span>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
