"use client";

import { useActionState, useId } from "react";
import { FormMessage, getFieldErrors } from "@/components/integrations/form-message";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { FormState } from "@/lib/errors";
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES, MAINTENANCE_STATUSES } from "@/lib/status-pages/types";
import { COMPONENT_STATUS_LABEL, IMPACT_LABEL, INCIDENT_STATUS_LABEL, MAINTENANCE_STATUS_LABEL, componentStatusLabel } from "./labels";

export type IncidentFormAction = (prev: FormState, formData: FormData) => Promise<FormState>;

/** A component of the page as the incident forms offer it. */
export interface FormComponent {
  /** The check's UUID: what the verbs key component statuses by. */
  check: string;
  name: string;
  group: string;
  /** The status the open incident gives it now, when it affects it. */
  current?: string;
}

const textControl =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900";

/** The affected components: one select per component, "" = not affected (or, on updates, unchanged). */
function ComponentStatuses({
  components,
  values,
  error,
  emptyLabel,
  legend,
}: {
  components: FormComponent[];
  values: Record<string, string>;
  error?: string;
  emptyLabel: string;
  legend: string;
}) {
  const ids = useId();
  if (components.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">The page has no components.</p>;
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <ul className="space-y-2">
        {components.map((c, i) => (
          <li key={c.check} className="grid items-center gap-1 sm:grid-cols-[1fr_14rem] sm:gap-3">
            <label htmlFor={`${ids}-${i}`} className="text-sm">
              {c.name}
              {c.group && <span className="text-slate-500 dark:text-slate-400"> ({c.group})</span>}
              {c.current && <span className="block text-xs text-slate-500 dark:text-slate-400">Now: {componentStatusLabel(c.current)}</span>}
            </label>
            <Select id={`${ids}-${i}`} name={`component:${c.check}`} defaultValue={values[`component:${c.check}`] ?? ""}>
              <option value="">{emptyLabel}</option>
              {COMPONENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {COMPONENT_STATUS_LABEL[s]}
                </option>
              ))}
            </Select>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** "New incident": name, status, impact, first message and the components it affects. */
export function NewIncidentForm({ action, components, cancelHref }: { action: IncidentFormAction; components: FormComponent[]; cancelHref: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = getFieldErrors(state);
  const values = state.values ?? { status: "investigating", impact: "minor" };
  const ids = useId();
  const id = (n: string) => `${ids}-${n}`;
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      {/* Re-mounted after each answer: React resets a form after its action, and the fields keep what was sent. */}
      <div key={state.at ?? 0} className="space-y-5">
        <Field label="Name" htmlFor={id("name")} error={errors.name} hint="What visitors read first, e.g. “Payments are delayed”.">
          <Input id={id("name")} name="name" required maxLength={200} defaultValue={values.name ?? ""} aria-invalid={errors.name ? true : undefined} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Status" htmlFor={id("status")} error={errors.status}>
            <Select id={id("status")} name="status" defaultValue={values.status}>
              {INCIDENT_STATUSES.filter((s) => s !== "postmortem").map((s) => (
                <option key={s} value={s}>
                  {INCIDENT_STATUS_LABEL[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Impact" htmlFor={id("impact")} error={errors.impact}>
            <Select id={id("impact")} name="impact" defaultValue={values.impact}>
              {IMPACTS.map((s) => (
                <option key={s} value={s}>
                  {IMPACT_LABEL[s]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Message" htmlFor={id("body")} error={errors.body} hint="What is happening and what is being done. Plain text.">
          <textarea id={id("body")} name="body" rows={4} maxLength={10000} className={textControl} defaultValue={values.body ?? ""} aria-invalid={errors.body ? true : undefined} />
        </Field>
        <ComponentStatuses components={components} values={values} error={errors.components} emptyLabel="Not affected" legend="Affected components" />
      </div>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Posting…" : "Post incident"}
        </button>
        <a href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </a>
      </div>
    </form>
  );
}

/** An update to an incident or a maintenance: its new status, a message, changed component statuses. */
export function IncidentUpdateForm({
  action,
  components,
  kind,
  currentStatus,
}: {
  action: IncidentFormAction;
  components: FormComponent[];
  kind: "incident" | "maintenance";
  currentStatus: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = getFieldErrors(state);
  const values = state.values ?? { status: currentStatus };
  const statuses = kind === "incident" ? INCIDENT_STATUSES.map((s) => [s, INCIDENT_STATUS_LABEL[s]] as const) : MAINTENANCE_STATUSES.map((s) => [s, MAINTENANCE_STATUS_LABEL[s]] as const);
  const ids = useId();
  const id = (n: string) => `${ids}-${n}`;
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      <div key={state.at ?? 0} className="space-y-5">
        <Field label="Status" htmlFor={id("status")} error={errors.status}>
          <Select id={id("status")} name="status" defaultValue={values.status}>
            {statuses.map(([s, label]) => (
              <option key={s} value={s}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Message" htmlFor={id("body")} error={errors.body}>
          <textarea id={id("body")} name="body" rows={4} maxLength={10000} className={textControl} defaultValue={values.body ?? ""} aria-invalid={errors.body ? true : undefined} />
        </Field>
        {kind === "incident" && (
          <ComponentStatuses components={components} values={values} error={errors.components} emptyLabel="Unchanged" legend="Component statuses" />
        )}
      </div>
      <FormMessage state={state} />
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? "Posting…" : "Post update"}
      </button>
    </form>
  );
}

/**
 * Schedule or edit a maintenance window. The start and end are read in `timeZone` (the page's),
 * which the form says, so what is typed is what visitors of the page see.
 */
export function MaintenanceForm({
  action,
  components,
  initial,
  timeZone,
  submitLabel,
  cancelHref,
}: {
  action: IncidentFormAction;
  components: FormComponent[];
  /** name, body, scheduled_for and scheduled_until ("YYYY-MM-DDTHH:mm" in timeZone) and "component" (check UUIDs, one a line). */
  initial: Record<string, string>;
  timeZone: string;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = getFieldErrors(state);
  const values = state.values ?? initial;
  const chosen = new Set((values.component ?? "").split("\n").filter(Boolean));
  const ids = useId();
  const id = (n: string) => `${ids}-${n}`;
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate>
      <div key={state.at ?? 0} className="space-y-5">
        <Field label="Name" htmlFor={id("name")} error={errors.name} hint="E.g. “Database upgrade”.">
          <Input id={id("name")} name="name" required maxLength={200} defaultValue={values.name ?? ""} aria-invalid={errors.name ? true : undefined} />
        </Field>
        <Field label="Message" htmlFor={id("body")} error={errors.body} hint="What will happen and what visitors may notice.">
          <textarea id={id("body")} name="body" rows={3} maxLength={10000} className={textControl} defaultValue={values.body ?? ""} aria-invalid={errors.body ? true : undefined} />
        </Field>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Times are in <strong>{timeZone}</strong>, the status page&apos;s time zone.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={`Starts (${timeZone})`} htmlFor={id("scheduled_for")} error={errors.scheduled_for}>
            <Input
              id={id("scheduled_for")}
              name="scheduled_for"
              type="datetime-local"
              required
              defaultValue={values.scheduled_for ?? ""}
              aria-invalid={errors.scheduled_for ? true : undefined}
            />
          </Field>
          <Field label={`Ends (${timeZone})`} htmlFor={id("scheduled_until")} error={errors.scheduled_until}>
            <Input
              id={id("scheduled_until")}
              name="scheduled_until"
              type="datetime-local"
              required
              defaultValue={values.scheduled_until ?? ""}
              aria-invalid={errors.scheduled_until ? true : undefined}
            />
          </Field>
        </div>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">Components under maintenance</legend>
          {errors.components && (
            <p role="alert" className="text-xs text-red-600 dark:text-red-400">
              {errors.components}
            </p>
          )}
          {components.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">The page has no components.</p>
          ) : (
            <ul className="space-y-1">
              {components.map((c) => (
                <li key={c.check}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="component" value={c.check} defaultChecked={chosen.has(c.check)} />
                    {c.name}
                    {c.group && <span className="text-slate-500 dark:text-slate-400">({c.group})</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <p className="text-xs text-slate-500 dark:text-slate-400">During the window they show “Under maintenance” and their checks&apos; alerts are held.</p>
        </fieldset>
      </div>
      <FormMessage state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
        <a href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </a>
      </div>
    </form>
  );
}
