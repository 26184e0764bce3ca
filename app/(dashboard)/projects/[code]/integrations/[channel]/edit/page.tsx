import { userActor } from "@/lib/auth/actor";
import { notFound } from "next/navigation";
import { readEmailConfig, readWebhookConfig } from "@/components/integrations/channel-summary";
import { EmailForm } from "@/components/integrations/email-form";
import { getKindLabel, getWebhookUrlKind } from "@/components/integrations/kinds";
import { WebhookForm } from "@/components/integrations/webhook-form";
import { WebhookUrlForm } from "@/components/integrations/webhook-url-form";
import { SettingsForm } from "@/components/integrations/settings-form";
import { getSettingsKind } from "@/components/integrations/settings-kinds";
import { readWebhookUrl } from "@/lib/channels/read-webhook-url";
import { formatHeaderLines } from "@/lib/channels/format-header-lines";
import { requireChannelAccess } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { saveEmailChannel, saveSettingsChannel, saveWebhookChannel, saveWebhookUrlChannel } from "../../actions";
import { FormPage } from "../../form-page";
import { GroupFormPage } from "../../group-form-page";
import { requireWriter } from "../../require-writer";

export const metadata = { title: "Edit integration" };

export default async function EditChannelPage({ params }: { params: Promise<{ code: string; channel: string }> }) {
  const { code, channel: channelCode } = await params;
  const { user, project } = await requireWriter(code, `/projects/${code}/integrations/${channelCode}/edit`);
  let channel;
  try {
    ({ channel } = await requireChannelAccess(userActor(user.id), channelCode, "write"));
  } catch (err) {
    if (err instanceof AppError) notFound();
    throw err;
  }
  // The URL's project must be the channel's, so breadcrumbs and redirects stay truthful.
  if (channel.projectId !== project.id) notFound();

  const listHref = `/projects/${project.code}/integrations`;
  const title = `Edit ${getKindLabel(channel.kind).toLowerCase()} integration`;

  if (channel.kind === "email") {
    const config = readEmailConfig(channel.config);
    return (
      <FormPage
        projectCode={project.code}
        kind="email"
        title={title}
        intro={<p>A new address must be confirmed again, unless it belongs to a project member.</p>}
      >
        <EmailForm
          action={saveEmailChannel.bind(null, project.code, channel.code)}
          initial={{ name: channel.name, ...config }}
          submitLabel="Save changes"
          cancelHref={listHref}
        />
      </FormPage>
    );
  }
  if (channel.kind === "webhook") {
    const { down, up } = readWebhookConfig(channel.config);
    const initial: Record<string, string> = { name: channel.name };
    for (const [status, spec] of [["down", down], ["up", up]] as const) {
      initial[`method_${status}`] = spec.method;
      initial[`url_${status}`] = spec.url;
      initial[`body_${status}`] = spec.body;
      initial[`headers_${status}`] = formatHeaderLines(spec.headers);
    }
    return (
      <FormPage
        projectCode={project.code}
        kind="webhook"
        title={title}
        intro={<p>Set a URL for each event that should send a request; leave the other empty.</p>}
      >
        <WebhookForm
          action={saveWebhookChannel.bind(null, project.code, channel.code)}
          initial={initial}
          submitLabel="Save changes"
          cancelHref={listHref}
        />
      </FormPage>
    );
  }
  if (channel.kind === "group") return <GroupFormPage project={project} channel={channel} />;
  const settings = getSettingsKind(channel.kind);
  if (settings) {
    return (
      <FormPage
        projectCode={project.code}
        kind={channel.kind}
        title={`Edit ${getKindLabel(channel.kind)} integration`}
        intro={<p>Saving re-enables a disabled integration.</p>}
      >
        <SettingsForm
          kind={channel.kind}
          action={saveSettingsChannel.bind(null, channel.kind, project.code, channel.code)}
          initial={{ name: channel.name, ...settings.fromConfig(channel.config) }}
          submitLabel="Save changes"
          cancelHref={listHref}
        />
      </FormPage>
    );
  }
  const help = getWebhookUrlKind(channel.kind);
  if (help) {
    return (
      <FormPage
        projectCode={project.code}
        kind={channel.kind}
        title={`Edit ${getKindLabel(channel.kind)} integration`}
        intro={<p>Paste a new webhook URL to move the notifications to another channel. Saving re-enables a disabled integration.</p>}
      >
        <WebhookUrlForm
          kind={channel.kind}
          fieldLabel={help.fieldLabel}
          example={help.example}
          action={saveWebhookUrlChannel.bind(null, channel.kind, project.code, channel.code)}
          initial={{ name: channel.name, value: readWebhookUrl(channel.config) }}
          submitLabel="Save changes"
          cancelHref={listHref}
        />
      </FormPage>
    );
  }
  notFound();
}
