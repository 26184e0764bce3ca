"use client";

import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { FormStatus } from "./form-status";
import { idleFormState, type FormState } from "@/lib/errors";

export interface SettingsValues {
  tz: string;
  theme: string;
  reports: string;
  nagPeriod: number;
}

type SettingsState = FormState & { theme?: string };

const THEMES = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];
const REPORTS = [
  { value: "off", label: "Off" },
  { value: "daily", label: "Daily" },
  { value: "weekly", label: "Weekly" },
  { value: "monthly", label: "Monthly" },
];
const NAGS = [
  { value: 0, label: "Off" },
  { value: 3600, label: "Hourly" },
  { value: 86400, label: "Daily" },
];

/** Applies a theme at once (the root layout renders it on the next full load). */
function applyTheme(theme: string) {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.classList.toggle("dark", theme === "dark" || (theme === "system" && matchMedia("(prefers-color-scheme: dark)").matches));
}

export function SettingsForm({
  values,
  timezones,
  save,
}: {
  values: SettingsValues;
  timezones: string[];
  save: (state: SettingsState, formData: FormData) => Promise<SettingsState>;
}) {
  const [state, formAction, pending] = useActionState<SettingsState, FormData>(save, idleFormState);

  useEffect(() => {
    if (state.ok && state.theme) applyTheme(state.theme);
  }, [state]);

  return (
    <form action={formAction} className="space-y-4">
      <Field label="Time zone" htmlFor="settings-tz" hint="Used for dates in reports and on your dashboard.">
        <Select id="settings-tz" name="tz" defaultValue={values.tz}>
          {timezones.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend className="text-sm font-medium">Theme</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {THEMES.map((t) => (
            <label key={t.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="theme" value={t.value} defaultChecked={values.theme === t.value} className="h-4 w-4 accent-sky-600" />
              {t.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Status reports by email" htmlFor="settings-reports" hint="A summary of your checks.">
          <Select id="settings-reports" name="reports" defaultValue={values.reports}>
            {REPORTS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Reminders while a check is down" htmlFor="settings-nag" hint="Repeats the alert until the check recovers.">
          <Select id="settings-nag" name="nagPeriod" defaultValue={String(values.nagPeriod)}>
            {NAGS.map((n) => (
              <option key={n.value} value={n.value}>
                {n.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
