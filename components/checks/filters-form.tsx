"use client";

import { useActionState, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormMessage, fieldError, initialFormState, type CheckAction } from "./form-message";

export interface CheckFilters {
  methods: string;
  filterHttpBody: boolean;
  filterSubject: boolean;
  filterBody: boolean;
  filterDefaultFail: boolean;
  startKw: string;
  successKw: string;
  failureKw: string;
  manualResume: boolean;
  /** Beyond Healthchecks: fail pings in a row before the check goes down. */
  failureThreshold: number;
  /** Beyond Healthchecks: seconds between "still down" reminders; 0 = off. */
  reminderInterval: number;
}

/** Reminder presets in seconds; any other whole number of minutes is entered as "Custom". */
const REMINDER_PRESETS: [seconds: number, label: string][] = [
  [0, "Off"],
  [900, "Every 15 minutes"],
  [1800, "Every 30 minutes"],
  [3600, "Every hour"],
  [21600, "Every 6 hours"],
  [86400, "Every day"],
];

const BOOLEANS = "filter_http_body,filter_subject,filter_body,filter_default_fail,manual_resume";

function Checkbox({ name, checked, onChange, children }: { name: string; checked: boolean; onChange: (checked: boolean) => void; children: ReactNode }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 h-4 w-4 accent-sky-600" />
      <span>{children}</span>
    </label>
  );
}

function Radio({ name, value, checked, onSelect, children }: { name: string; value: string; checked: boolean; onSelect: () => void; children: ReactNode }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="radio" name={name} value={value} checked={checked} onChange={onSelect} className="mt-0.5 h-4 w-4 accent-sky-600" />
      <span>{children}</span>
    </label>
  );
}

const legend = "mb-2 text-sm font-semibold";

/** "Still down" reminders: a preset, or a custom number of minutes; submits reminder_interval in seconds. */
function ReminderField({ value, onChange, error }: { value: number; onChange: (seconds: number) => void; error?: string | null }) {
  const preset = REMINDER_PRESETS.some(([s]) => s === value);
  const [custom, setCustom] = useState(!preset);
  const [minutes, setMinutes] = useState(preset ? "" : String(Math.round(value / 60)));
  return (
    <Field label="While down, remind every" htmlFor="reminder-interval" hint="Sent to the check's integrations until it recovers or is paused." error={error}>
      <input type="hidden" name="reminder_interval" value={custom ? (/^\d+$/.test(minutes.trim()) ? String(Number(minutes) * 60) : minutes) : String(value)} />
      <div className="flex flex-wrap items-center gap-2">
        <Select
          id="reminder-interval"
          value={custom ? "custom" : String(value)}
          onChange={(e) => {
            if (e.target.value === "custom") {
              setCustom(true);
              setMinutes(String(Math.max(1, Math.round(value / 60))));
            } else {
              setCustom(false);
              onChange(Number(e.target.value));
            }
          }}
          className="w-auto"
        >
          {REMINDER_PRESETS.map(([s, label]) => (
            <option key={s} value={s}>
              {label}
            </option>
          ))}
          <option value="custom">Custom (minutes)…</option>
        </Select>
        {custom && (
          <Input
            aria-label="Minutes between reminders"
            type="number"
            min={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            className="w-28"
          />
        )}
      </div>
    </Field>
  );
}

/** How pings are classified: HTTP method, body and subject keywords, the default, manual resume. */
export function FiltersForm({ action, filters }: { action: CheckAction; filters: CheckFilters }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // Controlled, so a validation error does not reset what the user changed.
  const [f, setF] = useState(filters);
  const set = <K extends keyof CheckFilters>(key: K) => (value: CheckFilters[K]) => setF((current) => ({ ...current, [key]: value }));
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="_booleans" value={BOOLEANS} />
      <fieldset>
        <legend className={legend}>HTTP requests</legend>
        <div className="space-y-2">
          <Radio name="methods" value="" checked={f.methods !== "POST"} onSelect={() => set("methods")("")}>
            Accept any method (HEAD, GET, POST…)
          </Radio>
          <Radio name="methods" value="POST" checked={f.methods === "POST"} onSelect={() => set("methods")("POST")}>
            Accept only POST; other requests are logged as ignored (stops link previewers and crawlers)
          </Radio>
          <Checkbox name="filter_http_body" checked={f.filterHttpBody} onChange={set("filterHttpBody")}>
            Classify HTTP pings by keywords in the request body
          </Checkbox>
        </div>
      </fieldset>
      <fieldset>
        <legend className={legend}>Emails</legend>
        <div className="space-y-2">
          <Checkbox name="filter_subject" checked={f.filterSubject} onChange={set("filterSubject")}>
            Classify email pings by keywords in the subject
          </Checkbox>
          <Checkbox name="filter_body" checked={f.filterBody} onChange={set("filterBody")}>
            Classify email pings by keywords in the message body
          </Checkbox>
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className={legend}>Keywords</legend>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Comma-separated, case-sensitive. Checked in this order: failure, then success, then start.
        </p>
        <Field label="Failure keywords" htmlFor="failure-kw" error={fieldError(state, "failure_kw")}>
          <Input id="failure-kw" name="failure_kw" value={f.failureKw} onChange={(e) => set("failureKw")(e.target.value)} maxLength={200} placeholder="ERROR, FAILED" />
        </Field>
        <Field label="Success keywords" htmlFor="success-kw" error={fieldError(state, "success_kw")}>
          <Input id="success-kw" name="success_kw" value={f.successKw} onChange={(e) => set("successKw")(e.target.value)} maxLength={200} placeholder="SUCCESS, OK" />
        </Field>
        <Field label="Start keywords" htmlFor="start-kw" error={fieldError(state, "start_kw")}>
          <Input id="start-kw" name="start_kw" value={f.startKw} onChange={(e) => set("startKw")(e.target.value)} maxLength={200} placeholder="STARTING" />
        </Field>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">When no keyword matches</legend>
          <Radio name="filter_default_fail" value="off" checked={!f.filterDefaultFail} onSelect={() => set("filterDefaultFail")(false)}>
            Ignore the ping
          </Radio>
          <Radio name="filter_default_fail" value="on" checked={f.filterDefaultFail} onSelect={() => set("filterDefaultFail")(true)}>
            Treat it as a failure
          </Radio>
        </fieldset>
      </fieldset>
      <fieldset>
        <legend className={legend}>Paused checks</legend>
        <Checkbox name="manual_resume" checked={f.manualResume} onChange={set("manualResume")}>
          Ignore pings while paused: the check stays paused until someone resumes it
        </Checkbox>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className={legend}>Failures and reminders</legend>
        <Field
          label="Go down after this many failure pings in a row"
          htmlFor="failure-threshold"
          hint="1 = on the first failure. Failures below the threshold are logged but leave the status alone; a success resets the count."
          error={fieldError(state, "failure_threshold")}
        >
          <Input
            id="failure-threshold"
            name="failure_threshold"
            type="number"
            min={1}
            max={100}
            value={f.failureThreshold}
            onChange={(e) => set("failureThreshold")(e.target.value === "" ? ("" as unknown as number) : Number(e.target.value))}
          />
        </Field>
        <ReminderField value={f.reminderInterval} onChange={set("reminderInterval")} error={fieldError(state, "reminder_interval")} />
      </fieldset>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Saving…" : "Save filters"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
