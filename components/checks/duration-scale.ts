// The period and grace sliders' non-linear scale, from 1 minute to 365 days: every minute up
// to an hour, every hour up to a day, every day up to two weeks, then every week, then 365
// days. Each step is a value people actually pick; exact values go in the number field.
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

export const MIN_DURATION = MINUTE;
export const MAX_DURATION = 365 * DAY;

export const DURATION_SCALE: readonly number[] = [
  ...Array.from({ length: 59 }, (_, i) => (i + 1) * MINUTE),
  ...Array.from({ length: 23 }, (_, i) => (i + 1) * HOUR),
  ...Array.from({ length: 13 }, (_, i) => (i + 1) * DAY),
  ...Array.from({ length: 51 }, (_, i) => (i + 2) * 7 * DAY),
  MAX_DURATION,
];

/** The slider position closest to `seconds` (values off the scale snap to a neighbour). */
export function toScaleIndex(seconds: number): number {
  let best = 0;
  for (let i = 1; i < DURATION_SCALE.length; i++) {
    if (Math.abs(DURATION_SCALE[i]! - seconds) < Math.abs(DURATION_SCALE[best]! - seconds)) best = i;
  }
  return best;
}

export function fromScaleIndex(index: number): number {
  return DURATION_SCALE[Math.min(Math.max(0, Math.round(index)), DURATION_SCALE.length - 1)]!;
}

export const DURATION_UNITS = [
  { name: "seconds", seconds: 1 },
  { name: "minutes", seconds: MINUTE },
  { name: "hours", seconds: HOUR },
  { name: "days", seconds: DAY },
] as const;

export type DurationUnit = (typeof DURATION_UNITS)[number]["name"];

/** The largest unit that expresses `seconds` as a whole number, for the numeric field. */
export function pickUnit(seconds: number): DurationUnit {
  for (let i = DURATION_UNITS.length - 1; i > 0; i--) {
    const unit = DURATION_UNITS[i]!;
    if (seconds >= unit.seconds && seconds % unit.seconds === 0) return unit.name;
  }
  return "seconds";
}

export function unitSeconds(unit: DurationUnit): number {
  return DURATION_UNITS.find((u) => u.name === unit)!.seconds;
}
