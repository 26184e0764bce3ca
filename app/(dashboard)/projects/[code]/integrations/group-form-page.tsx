import { getChannelSummary } from "@/components/integrations/channel-summary";
import { GroupForm } from "@/components/integrations/group-form";
import { getKindLabel } from "@/components/integrations/kinds";
import { findProjectChannels } from "@/lib/channels/find-project-channels";
import { readGroupChannelCodes } from "@/lib/channels/other-configs";
import { saveGroupChannel } from "./actions";
import { FormPage } from "./form-page";

/**
 * The add and edit page of a group integration. Like Healthchecks' GroupForm it offers every
 * integration of the project except groups (a group of groups could loop); editing ticks the
 * current members, and members deleted since are simply gone from the list.
 */
export async function GroupFormPage({
  project,
  channel,
}: {
  project: { id: number; code: string };
  channel?: { code: string; name: string; config: string };
}) {
  const { channels } = await findProjectChannels(project.id);
  const options = channels
    .filter((c) => c.kind !== "group")
    .map((c) => ({ code: c.code, name: c.name, kindLabel: getKindLabel(c.kind), detail: getChannelSummary(c.kind, c.config)[0] ?? "" }));
  const listHref = `/projects/${project.code}/integrations`;
  return (
    <FormPage
      projectCode={project.code}
      kind="group"
      title={channel ? "Edit Group integration" : "Add Group integration"}
      intro={
        <p>
          Dispatch a notification to several integrations of this project at once. Tick the integrations the group passes each alert
          on to.{channel ? " Saving re-enables a disabled integration." : " The new integration is turned on for every check in the project."}
        </p>
      }
    >
      <GroupForm
        action={saveGroupChannel.bind(null, project.code, channel?.code ?? null)}
        options={options}
        initial={{ name: channel?.name ?? "", channels: channel ? readGroupChannelCodes(channel.config).join(",") : "" }}
        submitLabel={channel ? "Save changes" : "Save integration"}
        cancelHref={listHref}
      />
    </FormPage>
  );
}
