import { formatDateTime } from "@/lib/format";
import { describeCertificateExpiry, getCertificateState, type CertificateState } from "./probe-display";

const STATE_STYLES: Record<CertificateState, string> = {
  valid: "text-green-700 dark:text-green-400",
  expiring: "text-amber-700 dark:text-amber-400",
  expired: "text-red-700 dark:text-red-400",
};

interface Props {
  /** From the last result (`cert_expires`); null when the probe saw no certificate. */
  expires: Date | null;
  issuer: string | null;
  now: Date;
  /** The probe's `cert_expiry_threshold`: fewer days left than this is shown as a warning. */
  thresholdDays: number;
  /** The viewer's time zone. */
  tz?: string;
}

/** The server certificate the last run saw: when it expires, how many days are left, who issued it. */
export function CertificateDetails({ expires, issuer, now, thresholdDays, tz = "UTC" }: Props) {
  if (!expires) return <p className="text-sm text-slate-600 dark:text-slate-400">No certificate was seen on the last run.</p>;
  const { daysLeft, state } = getCertificateState(expires, now, thresholdDays);
  return (
    <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-xs text-slate-500 dark:text-slate-400">Expires</dt>
        <dd>
          <time dateTime={expires.toISOString()} className="font-medium">
            {formatDateTime(expires, tz, { seconds: false })}
          </time>{" "}
          <span className={`font-medium ${STATE_STYLES[state]}`}>({describeCertificateExpiry(daysLeft, state)})</span>
        </dd>
      </div>
      <div>
        <dt className="text-xs text-slate-500 dark:text-slate-400">Issuer</dt>
        <dd className="break-words font-medium">{issuer || "unknown"}</dd>
      </div>
    </dl>
  );
}
