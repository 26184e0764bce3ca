"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormStatus } from "./form-status";
import { idleFormState, type FormState } from "@/lib/errors";

export interface TotpSetup {
  secret: string;
  /** The otpauth:// URI as an SVG data URL. */
  qr: string;
}

export type EnableState = FormState & { backupCodes?: string[] };

interface TwoFactorSectionProps {
  enabled: boolean;
  backupCodesLeft: number;
  start: () => Promise<TotpSetup>;
  enable: (state: EnableState, formData: FormData) => Promise<EnableState>;
  disable: (state: FormState, formData: FormData) => Promise<FormState>;
}

/** Turning TOTP two-factor authentication on (QR code, confirm with a code, backup codes) and off. */
export function TwoFactorSection({ enabled, backupCodesLeft, start, enable, disable }: TwoFactorSectionProps) {
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [starting, setStarting] = useState(false);
  const [enableState, enableAction, enabling] = useActionState<EnableState, FormData>(enable, idleFormState);
  const [disableState, disableAction, disabling] = useActionState(disable, idleFormState);

  if (enableState.ok && enableState.backupCodes) {
    return (
      <div className="space-y-3" role="status">
        <p className="text-sm font-medium text-green-700 dark:text-green-400">Two-factor authentication is on.</p>
        <p className="text-sm">
          Save these backup codes somewhere safe. Each one signs you in once if you lose your phone. They are not shown again.
        </p>
        <ul aria-label="Backup codes" className="grid grid-cols-2 gap-2 rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">
          {enableState.backupCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }

  if (enabled) {
    return (
      <div className="space-y-4">
        <p className="text-sm">
          Two-factor authentication is <strong>on</strong>. Signing in asks for a code from your authenticator app.{" "}
          {backupCodesLeft === 1 ? "1 backup code is" : `${backupCodesLeft} backup codes are`} left.
        </p>
        <form action={disableAction} className="space-y-3">
          <Field label="Code to turn it off" htmlFor="totp-disable-code" hint="A code from your app, or a backup code.">
            <Input id="totp-disable-code" name="code" autoComplete="one-time-code" required className="max-w-xs" />
          </Field>
          <Button type="submit" variant="danger" disabled={disabling}>
            {disabling ? "Turning off…" : "Turn off two-factor authentication"}
          </Button>
          <FormStatus state={disableState} />
        </form>
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="space-y-3">
        <p className="text-sm">
          Protect your account with a code from an authenticator app (such as Aegis, Google Authenticator or 1Password) on top of
          your password or sign-in link.
        </p>
        <Button
          disabled={starting}
          onClick={async () => {
            setStarting(true);
            try {
              setSetup(await start());
            } finally {
              setStarting(false);
            }
          }}
        >
          {starting ? "Preparing…" : "Set up two-factor authentication"}
        </Button>
      </div>
    );
  }

  return (
    <form action={enableAction} className="space-y-4">
      <input type="hidden" name="secret" value={setup.secret} />
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          Scan this QR code with your authenticator app.
          <img src={setup.qr} alt="QR code for your authenticator app" width={176} height={176} className="mt-2 rounded bg-white p-1" />
          <p className="mt-2">
            Or enter this key by hand: <code className="break-all rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{setup.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
          </p>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <Field label="Code from the app" htmlFor="totp-enable-code">
        <Input id="totp-enable-code" name="code" inputMode="numeric" autoComplete="one-time-code" required className="max-w-xs" />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={enabling}>
          {enabling ? "Checking…" : "Turn on"}
        </Button>
        <Button variant="secondary" onClick={() => setSetup(null)}>
          Cancel
        </Button>
      </div>
      <FormStatus state={enableState} />
    </form>
  );
}
