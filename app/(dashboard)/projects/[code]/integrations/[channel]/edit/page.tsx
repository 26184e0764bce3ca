import { notFound } from "next/navigation";
import { orNotFound } from "@/lib/auth/session";
import { findChannel } from "@/lib/channels/queries";
import { getKind } from "@/lib/integrations/registry";
import { KindFormPage } from "../../kind-form-page";
import { requireWriter } from "../../require-writer";

export const metadata = { title: "Edit integration" };

export default async function EditChannelPage({ params }: { params: Promise<{ code: string; channel: string }> }) {
  const { code, channel: channelCode } = await params;
  const { actor, project } = await requireWriter(code, `/projects/${code}/integrations/${channelCode}/edit`);
  const { channel } = await orNotFound(findChannel({ actor, channelCode, action: "write" }));
  // The URL's project must be the channel's, so breadcrumbs and redirects stay truthful.
  if (channel.projectId !== project.id) notFound();
  const descriptor = getKind(channel.kind);
  if (!descriptor?.form || descriptor.form.layout === "connect") notFound();
  const initial = { name: channel.name, ...descriptor.form.fromConfig(descriptor.readConfig(channel.config)) };
  return <KindFormPage actor={actor} descriptor={descriptor} project={project} channel={channel} initial={initial} />;
}
