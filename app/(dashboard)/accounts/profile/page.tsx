import { AccountForm } from "@/components/account/account-form";
import { SettingsForm } from "@/components/account/settings-form";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { canonicalTimezones } from "@/lib/schedules/canonical-timezones";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/credentials";
import {
  closeAccountAction,
  disableTotpAction,
  enableTotpAction,
  requestEmailChangeAction,
  saveSettingsAction,
  setPasswordAction,
  signOutOtherSessionsAction,
  startTotpSetupAction,
} from "./actions";

export const metadata = { title: "Account settings" };

const TIMEZONES = [...canonicalTimezones].sort();

function countBackupCodes(json: string): number {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.length : 0;
}

export default async function ProfilePage() {
  const user = await requireUser("/accounts/profile");
  const env = getEnv();
  const managedByProxy = Boolean(env.remoteUserHeader);
  const timezones = TIMEZONES.includes(user.tz) ? TIMEZONES : [user.tz, ...TIMEZONES];

  return (
    <div className="mx-auto max-w-3xl space-y-6 px-0 py-2 sm:py-4">
      <header>
        <h1 className="text-2xl font-semibold">Account settings</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Signed in as <strong className="break-all">{user.email}</strong>
        </p>
      </header>

      {managedByProxy && (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800">
          Sign-in, your email address and passwords are managed by your organisation&apos;s single sign-on proxy.
        </p>
      )}

      <Card title="Settings">
        <SettingsForm
          values={{ tz: user.tz, theme: user.theme, reports: user.reports, nagPeriod: user.nagPeriod }}
          timezones={timezones}
          save={saveSettingsAction}
        />
      </Card>

      {!managedByProxy && (
        <>
          <Card title="Email address">
            {env.email.host ? (
              <AccountForm action={requestEmailChangeAction} submitLabel="Send confirmation link" pendingLabel="Sending…">
                <Field label="New email address" htmlFor="new-email" hint="We email a link to the new address; it changes when you open it.">
                  <Input id="new-email" name="email" type="email" autoComplete="email" required className="max-w-md" />
                </Field>
              </AccountForm>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Changing the address needs outgoing email, which this server has not configured (<code>EMAIL_HOST</code>).
              </p>
            )}
          </Card>

          <Card title="Password">
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
              {user.passwordHash
                ? "You can sign in with your password or an emailed link. Changing the password signs out your other sessions."
                : "You have no password yet: you sign in with emailed links. Set one to sign in with a password too."}
            </p>
            <AccountForm action={setPasswordAction} submitLabel={user.passwordHash ? "Change password" : "Set password"}>
              {/* Lets password managers file the new password under the right account. */}
              <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
              {user.passwordHash && (
                <Field label="Current password" htmlFor="current-password">
                  <Input id="current-password" name="current" type="password" autoComplete="current-password" required className="max-w-md" />
                </Field>
              )}
              <Field label="New password" htmlFor="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
                <Input
                  id="new-password"
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  minLength={MIN_PASSWORD_LENGTH}
                  required
                  className="max-w-md"
                />
              </Field>
              <Field label="Repeat password" htmlFor="confirm-password">
                <Input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required className="max-w-md" />
              </Field>
            </AccountForm>
          </Card>

          <Card title="Two-factor authentication">
            <TwoFactorSection
              enabled={Boolean(user.totpSecret)}
              backupCodesLeft={countBackupCodes(user.backupCodes)}
              start={startTotpSetupAction}
              enable={enableTotpAction}
              disable={disableTotpAction}
            />
          </Card>

          <Card title="Sessions">
            <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
              Signed in on a computer you no longer use? Sign out everywhere except here.
            </p>
            <AccountForm action={signOutOtherSessionsAction} submitLabel="Sign out other sessions" pendingLabel="Signing out…" variant="secondary" />
          </Card>
        </>
      )}

      <Card title="Close account" className="border-red-200 dark:border-red-900">
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          Closing your account deletes the projects you own, with their checks, pings and integrations, and removes you from
          other teams. This cannot be undone.
        </p>
        <AccountForm action={closeAccountAction} submitLabel="Close my account" pendingLabel="Closing…" variant="danger">
          <Field label="Type your email address to confirm" htmlFor="close-confirmation">
            <Input id="close-confirmation" name="confirmation" type="email" autoComplete="off" required className="max-w-md" />
          </Field>
        </AccountForm>
      </Card>
    </div>
  );
}
