/**
 * Python's datetime.isoformat() for a UTC datetime: microseconds shown ("...10:00:00.123000
 * +00:00") unless they are zero. We store milliseconds, so the last three digits are 0.
 */
export function formatIsoMicro(date: Date): string {
  const iso = date.toISOString();
  const ms = date.getUTCMilliseconds();
  return iso.slice(0, 19) + (ms ? `.${String(ms).padStart(3, "0")}000` : "") + "+00:00";
}
