// The add page of every kind whose one setting is an incoming-webhook URL (the chat services);
// kinds with their own form (email, webhook) have their own folders, which take precedence.
import { notFound } from "next/navigation";
import { getKindLabel, getWebhookUrlKind } from "@/components/integrations/kinds";
import { WebhookUrlForm } from "@/components/integrations/webhook-url-form";
import { SettingsForm } from "@/components/integrations/settings-form";
import { getDefaultSettings, getSettingsKind } from "@/components/integrations/settings-kinds";
import { isChannelKindEnabled } from "@/lib/channels/channel-kinds";
import { getOAuthStartPath, isOAuthEnabled, isOAuthKind, OAUTH_ERROR_MESSAGES } from "@/lib/channels/oauth-setup";
import { getEnv } from "@/lib/env";
import { saveSettingsChannel, saveWebhookUrlChannel } from "../../actions";
import { FormPage } from "../../form-page";
import { GroupFormPage } from "../../group-form-page";
import { requireWriter } from "../../require-writer";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return { title: getWebhookUrlKind(kind) || getSettingsKind(kind) ? `Add ${getKindLabel(kind)} integration` : "Add integration" };
}

export default async function AddWebhookUrlChannelPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; kind: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, kind } = await params;
  const { oauth_error: oauthError } = await searchParams;
  if (kind === "group") {
    const { project } = await requireWriter(code, `/projects/${code}/integrations/add/group`);
    return <GroupFormPage project={project} />;
  }
  const settings = getSettingsKind(kind);
  if (settings && isChannelKindEnabled(kind, getEnv())) return <AddSettingsChannel code={code} kind={kind} />;
  const help = getWebhookUrlKind(kind);
  if (!help || !isChannelKindEnabled(kind, getEnv())) notFound();
  const { project } = await requireWriter(code, `/projects/${code}/integrations/add/${kind}`);
  const label = getKindLabel(kind);
  return (
    <FormPage
      projectCode={project.code}
      kind={kind}
      title={`Add ${label} integration`}
      intro={
        <>
          <p>
            {getEnv().siteName} posts a message when a check goes down and when it comes back up. The new integration is turned on for
            every check in the project.
          </p>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {help.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {isOAuthKind(kind) && isOAuthEnabled(kind) && (
            <OAuthSetup kind={kind} projectCode={project.code} error={typeof oauthError === "string" ? oauthError : undefined} />
          )}
        </>
      }
    >
      <WebhookUrlForm
        kind={kind}
        fieldLabel={help.fieldLabel}
        example={help.example}
        action={saveWebhookUrlChannel.bind(null, kind, project.code, null)}
        initial={{ name: "", value: "" }}
        submitLabel="Save integration"
        cancelHref={`/projects/${project.code}/integrations`}
      />
    </FormPage>
  );
}

/** The kinds with a few settings of their own (ntfy, Pushover, PagerDuty...): settings-kinds.ts. */
async function AddSettingsChannel({ code, kind }: { code: string; kind: string }) {
  const settings = getSettingsKind(kind)!;
  const { project } = await requireWriter(code, `/projects/${code}/integrations/add/${kind}`);
  const label = getKindLabel(kind);
  return (
    <FormPage
      projectCode={project.code}
      kind={kind}
      title={`Add ${label} integration`}
      intro={
        <>
          <p>
            {getEnv().siteName} notifies {label} when a check goes down and when it comes back up. The new integration is turned on for
            every check in the project.
          </p>
          <ol className="mt-2 list-decimal space-y-1 pl-5">
            {settings.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      }
    >
      <SettingsForm
        kind={kind}
        action={saveSettingsChannel.bind(null, kind, project.code, null)}
        initial={{ name: "", ...getDefaultSettings(settings) }}
        submitLabel="Save integration"
        cancelHref={`/projects/${project.code}/integrations`}
      />
    </FormPage>
  );
}

/** Slack's "Add to Slack" and Discord's "Connect Discord" (lib/channels/oauth-setup.ts), above the webhook-URL form. */
function OAuthSetup({ kind, projectCode, error }: { kind: "slack" | "discord"; projectCode: string; error?: string }) {
  const messages: Record<string, string> = OAUTH_ERROR_MESSAGES[kind];
  const message = error && Object.hasOwn(messages, error) ? messages[error] : null;
  return (
    <div className="mt-4 space-y-2">
      {message && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {message}
        </p>
      )}
      <p>
        <a
          href={getOAuthStartPath(kind, projectCode)}
          className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900"
        >
          {kind === "slack" ? "Add to Slack" : "Connect Discord"}
        </a>
      </p>
      <p>Or paste a webhook URL below.</p>
    </div>
  );
}
