"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Dialog } from "./dialog";
import { DurationField } from "./duration-field";
import { FormMessage, fieldError, initialFormState, type CheckAction } from "./form-message";
import { SchedulePreview } from "./schedule-preview";

/** Closes the dialog once per successful save (not again when the page re-renders). */
function useCloseOnSave(state: { ok?: boolean; at?: number }, close: () => void) {
  const handled = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (state.ok && state.at !== handled.current) {
      handled.current = state.at;
      close();
    }
  }, [state.ok, state.at, close]);
}

function DialogButtons({ pending, submitLabel, close }: { pending: boolean; submitLabel: string; close: () => void }) {
  return (
    <div className="flex justify-end gap-2">
      <button type="button" className={buttonClass("secondary")} onClick={close}>
        Cancel
      </button>
      <button type="submit" className={buttonClass("primary")} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </div>
  );
}

function PeriodForm({ action, timeout, grace, close }: { action: CheckAction; timeout: number; grace: number; close: () => void }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [period, setPeriod] = useState(timeout);
  const [graceValue, setGrace] = useState(grace);
  useCloseOnSave(state, close);
  return (
    <form action={formAction} className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The <strong>period</strong> is how often the check expects a ping. The <strong>grace time</strong> is how long to wait after a
        ping is late before the check goes down and notifications are sent.
      </p>
      <DurationField name="timeout" label="Period" value={period} onChange={setPeriod} error={fieldError(state, "timeout")} />
      <DurationField name="grace" label="Grace time" value={graceValue} onChange={setGrace} error={fieldError(state, "grace")} />
      <FormMessage state={state} />
      <DialogButtons pending={pending} submitLabel="Save period" close={close} />
    </form>
  );
}

function ScheduleForm({
  action,
  previewUrl,
  schedule,
  tz,
  grace,
  close,
}: {
  action: CheckAction;
  previewUrl: string;
  schedule: string;
  tz: string;
  grace: number;
  close: () => void;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [expression, setExpression] = useState(schedule);
  const [zone, setZone] = useState(tz);
  const [graceValue, setGrace] = useState(grace);
  useCloseOnSave(state, close);
  const scheduleError = fieldError(state, "schedule");
  const tzError = fieldError(state, "tz");
  return (
    <form action={formAction} className="space-y-5">
      <div className="space-y-1">
        <label htmlFor="schedule-expression" className="block text-sm font-medium">
          Cron or OnCalendar expression
        </label>
        <textarea
          id="schedule-expression"
          name="schedule"
          rows={2}
          value={expression}
          onChange={(e) => setExpression(e.target.value)}
          spellCheck={false}
          aria-describedby="schedule-expression-hint"
          aria-invalid={Boolean(scheduleError)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900"
        />
        <p id="schedule-expression-hint" className="text-xs text-slate-500 dark:text-slate-400">
          Cron: five fields, <code>minute hour day-of-month month day-of-week</code>, e.g. <code>0 3 * * 1-5</code>. Anything else is read
          as systemd OnCalendar, e.g. <code>Mon..Fri *-*-* 03:00</code>; one expression per line.
        </p>
        {scheduleError && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {scheduleError}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor="schedule-tz" className="block text-sm font-medium">
          Time zone
        </label>
        <input
          id="schedule-tz"
          name="tz"
          list="vigil-timezones"
          value={zone}
          onChange={(e) => setZone(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={Boolean(tzError)}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900"
        />
        {tzError && (
          <p role="alert" className="text-xs text-red-600 dark:text-red-400">
            {tzError}
          </p>
        )}
      </div>
      <SchedulePreview url={previewUrl} schedule={expression} tz={zone} />
      <DurationField name="grace" label="Grace time" value={graceValue} onChange={setGrace} error={fieldError(state, "grace")} />
      <FormMessage state={state} />
      <DialogButtons pending={pending} submitLabel="Save schedule" close={close} />
    </form>
  );
}

/** "Change period" and "Change schedule" buttons with their dialogs. */
export function TimingDialogs(props: {
  action: CheckAction;
  previewUrl: string;
  kind: string;
  timeout: number;
  grace: number;
  schedule: string;
  tz: string;
}) {
  const simple = props.kind === "simple";
  return (
    <div className="flex flex-wrap gap-2">
      <Dialog title="Period and grace time" triggerLabel={simple ? "Change period" : "Use a simple period"}>
        {(close) => <PeriodForm action={props.action} timeout={props.timeout} grace={props.grace} close={close} />}
      </Dialog>
      <Dialog title="Cron or OnCalendar schedule" triggerLabel={simple ? "Use a cron schedule" : "Change schedule"}>
        {(close) => (
          <ScheduleForm
            action={props.action}
            previewUrl={props.previewUrl}
            schedule={props.schedule}
            tz={props.tz}
            grace={props.grace}
            close={close}
          />
        )}
      </Dialog>
    </div>
  );
}
