// The add page of every kind whose one setting is an incoming-webhook URL (the chat services);
// kinds with their own form (email, webhook) have their own folders, which take precedence.
import { notFound } from "next/navigation";
import { getKindLabel, getWebhookUrlKind } from "@/components/integrations/kinds";
import { WebhookUrlForm } from "@/components/integrations/webhook-url-form";
import { SettingsForm } from "@/components/integrations/settings-form";
import { getDefaultSettings, getSettingsKind } from "@/components/integrations/settings-kinds";
import { isChannelKindEnabled } from "@/lib/channels/channel-kinds";
import { getEnv } from "@/lib/env";
import { saveSettingsChannel, saveWebhookUrlChannel } from "../../actions";
import { FormPage } from "../../form-page";
import { requireWriter } from "../../require-writer";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return { title: getWebhookUrlKind(kind) || getSettingsKind(kind) ? `Add ${getKindLabel(kind)} integration` : "Add integration" };
}

export default async function AddWebhookUrlChannelPage({ params }: { params: Promise<{ code: string; kind: string }> }) {
  const { code, kind } = await params;
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
