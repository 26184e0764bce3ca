import { EmailForm } from "@/components/integrations/email-form";
import { GroupForm } from "@/components/integrations/group-form";
import { SettingsForm } from "@/components/integrations/settings-form";
import { WebhookForm } from "@/components/integrations/webhook-form";
import type { Actor } from "@/lib/auth/actor";
import { findProjectChannels } from "@/lib/channels/queries";
import type { AnyKindDescriptor } from "@/lib/integrations/descriptor";
import { getOAuthErrorMessage, getOAuthStartPath, type OAuthProvider } from "@/lib/integrations/oauth";
import { getKindLabel, summarizeChannel } from "@/lib/integrations/registry";
import { saveChannelAction } from "./actions";
import { FormPage } from "./form-page";

/**
 * The add and edit page of every kind with a form: the heading, the kind's setup steps, the
 * "Add to <service>" button of an OAuth kind, and the form its descriptor names, saving through
 * saveChannelAction. `channel` is the channel being edited; `initial` the form's values.
 */
export async function KindFormPage({
  actor,
  descriptor,
  project,
  channel,
  initial,
  oauth,
}: {
  actor: Actor;
  descriptor: AnyKindDescriptor;
  project: { id: number; code: string };
  channel?: { code: string };
  initial: Record<string, string>;
  /** The OAuth flow offered above the form, and the error code it came back with. */
  oauth?: { provider: OAuthProvider; error?: string } | null;
}) {
  const form = descriptor.form!;
  const listHref = `/projects/${project.code}/integrations`;
  const action = saveChannelAction.bind(null, descriptor.kind, project.code, channel?.code ?? null);
  const submitLabel = channel ? "Save changes" : "Save integration";
  const title = `${channel ? "Edit" : "Add"} ${descriptor.label} integration`;
  const intro = `${descriptor.description} ${channel ? "Saving re-enables a disabled integration." : "The new integration is turned on for every check in the project."}`;
  const oauthError = oauth?.error && ["denied", "state", "exchange"].includes(oauth.error) ? oauth.error : null;

  let body;
  if (form.layout === "email") {
    body = <EmailForm action={action} initial={initial} submitLabel={submitLabel} cancelHref={listHref} />;
  } else if (form.layout === "webhook") {
    body = <WebhookForm action={action} initial={initial} placeholders={form.placeholders ?? []} submitLabel={submitLabel} cancelHref={listHref} />;
  } else if (form.layout === "group") {
    // Like Healthchecks' GroupForm: every integration of the project except groups (a group of
    // groups could loop); members deleted since are simply gone from the list.
    const { channels } = await findProjectChannels({ actor, projectCode: project.code });
    const options = channels
      .filter((c) => c.kind !== "group")
      .map((c) => ({ code: c.code, name: c.name, kindLabel: getKindLabel(c.kind), detail: summarizeChannel(c.kind, c.config)[0] ?? "" }));
    body = (
      <GroupForm
        action={action}
        options={options}
        initial={{ name: initial.name ?? "", channels: initial.channels ?? "" }}
        submitLabel={submitLabel}
        cancelHref={listHref}
      />
    );
  } else {
    body = <SettingsForm idPrefix={descriptor.kind} fields={form.fields} action={action} initial={initial} submitLabel={submitLabel} cancelHref={listHref} />;
  }

  return (
    <FormPage
      projectCode={project.code}
      icon={descriptor.icon}
      title={title}
      intro={
        <>
          <p>{intro}</p>
          {form.steps.length > 0 && (
            <ol className="mt-2 list-decimal space-y-1 pl-5">
              {form.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          )}
          {oauth && (
            <div className="mt-4 space-y-2">
              {oauthError && (
                <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
                  {getOAuthErrorMessage(oauth.provider, oauthError as "denied" | "state" | "exchange")}
                </p>
              )}
              <p>
                <a
                  href={getOAuthStartPath(descriptor.kind, project.code)}
                  className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900"
                >
                  {oauth.provider.button}
                </a>
              </p>
              <p>Or paste a webhook URL below.</p>
            </div>
          )}
        </>
      }
    >
      {body}
    </FormPage>
  );
}
