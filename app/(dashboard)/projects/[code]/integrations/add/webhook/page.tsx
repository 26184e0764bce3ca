import { notFound } from "next/navigation";
import { WebhookForm } from "@/components/integrations/webhook-form";
import { getEnv } from "@/lib/env";
import { saveWebhookChannel } from "../../actions";
import { FormPage } from "../../form-page";
import { requireWriter } from "../../require-writer";

export const metadata = { title: "Add webhook integration" };

export default async function AddWebhookPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { project } = await requireWriter(code, `/projects/${code}/integrations/add/webhook`);
  if (!getEnv().webhooksEnabled) notFound();
  return (
    <FormPage
      projectCode={project.code}
      kind="webhook"
      title="Add webhook integration"
      intro={
        <p>
          Vigil sends an HTTP request when a check goes down, comes back up, or both: set a URL for each event you want, and leave the
          other empty. Requests time out after 30 seconds and are tried up to 3 times; a response other than 200, 201, 202 or 204 counts
          as a failure. The new integration is turned on for every check in the project.
        </p>
      }
    >
      <WebhookForm
        action={saveWebhookChannel.bind(null, project.code, null)}
        initial={{ method_down: "GET", method_up: "GET" }}
        submitLabel="Save integration"
        cancelHref={`/projects/${project.code}/integrations`}
      />
    </FormPage>
  );
}
