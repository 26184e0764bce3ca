"use client";

import { useState } from "react";
import { formatDuration } from "@/lib/format";
import { DURATION_SCALE, DURATION_UNITS, MAX_DURATION, MIN_DURATION, fromScaleIndex, pickUnit, toScaleIndex, unitSeconds, type DurationUnit } from "./duration-scale";

/**
 * A duration from 1 minute to 365 days: a slider on a non-linear scale for quick picks and an
 * exact number with a unit. Submits `name` as whole seconds.
 */
export function DurationField({ name, label, value, onChange, error }: { name: string; label: string; value: number; onChange: (seconds: number) => void; error?: string | null }) {
  const [unit, setUnit] = useState<DurationUnit>(pickUnit(value));
  const [text, setText] = useState(String(value / unitSeconds(unit)));
  const id = `duration-${name}`;
  const outOfRange = value < MIN_DURATION || value > MAX_DURATION;

  const set = (seconds: number, nextUnit: DurationUnit = pickUnit(seconds)) => {
    setUnit(nextUnit);
    setText(String(seconds / unitSeconds(nextUnit)));
    onChange(seconds);
  };

  return (
    <fieldset className="space-y-2">
      <legend className="flex w-full items-baseline justify-between gap-2 text-sm font-medium">
        <span>{label}</span>
        <output htmlFor={`${id}-range ${id}-number`} className="text-base font-semibold" aria-live="polite">
          {value > 0 ? formatDuration(value) : "—"}
        </output>
      </legend>
      <input
        id={`${id}-range`}
        type="range"
        min={0}
        max={DURATION_SCALE.length - 1}
        step={1}
        value={toScaleIndex(value)}
        onChange={(e) => set(fromScaleIndex(Number(e.target.value)))}
        aria-label={`${label} (slider)`}
        aria-valuetext={formatDuration(value)}
        className="w-full accent-sky-600"
      />
      <div className="flex gap-2">
        <input
          id={`${id}-number`}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const n = Number(e.target.value);
            if (e.target.value !== "" && Number.isFinite(n)) onChange(Math.round(n * unitSeconds(unit)));
          }}
          aria-label={label}
          aria-invalid={outOfRange || Boolean(error)}
          aria-describedby={`${id}-hint`}
          className="block w-32 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 dark:border-slate-700 dark:bg-slate-900"
        />
        <select
          value={unit}
          onChange={(e) => {
            const next = e.target.value as DurationUnit;
            setUnit(next);
            setText(String(value / unitSeconds(next)));
          }}
          aria-label={`${label} unit`}
          className="rounded-md border border-slate-300 bg-white px-2 py-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {DURATION_UNITS.map((u) => (
            <option key={u.name} value={u.name}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <input type="hidden" name={name} value={value} />
      <p id={`${id}-hint`} className={`text-xs ${outOfRange || error ? "text-red-600 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`} role={error ? "alert" : undefined}>
        {error ?? (outOfRange ? "Must be between 1 minute and 365 days." : `${value.toLocaleString("en-US")} seconds`)}
      </p>
    </fieldset>
  );
}
