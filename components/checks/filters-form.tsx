"use client";

import { useActionState, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { initialActionState, type CheckAction } from "./action-state";
import { FormMessage, fieldError } from "./form-message";

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
}

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

/** How pings are classified: HTTP method, body and subject keywords, the default, manual resume. */
export function FiltersForm({ action, filters }: { action: CheckAction; filters: CheckFilters }) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
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
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Saving…" : "Save filters"}
        </button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
