import { EmailForm } from "@/components/integrations/email-form";
import { getEnv } from "@/lib/env";
import { saveEmailChannel } from "../../actions";
import { FormPage } from "../../form-page";
import { requireWriter } from "../../require-writer";

export const metadata = { title: "Add email integration" };

export default async function AddEmailPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { user, project } = await requireWriter(code, `/projects/${code}/integrations/add/email`);
  const verify = getEnv().emailUseVerification;
  return (
    <FormPage
      projectCode={project.code}
      kind="email"
      title="Add email integration"
      intro={
        <>
          <p>Get an email when a check goes down or comes back up. The new integration is turned on for every check in the project.</p>
          {verify && (
            <p className="mt-1">
              Addresses of project members are ready at once; any other address first gets a confirmation link, and nothing is sent
              to it until someone opens the link.
            </p>
          )}
        </>
      }
    >
      <EmailForm
        action={saveEmailChannel.bind(null, project.code, null)}
        initial={{ name: "", value: user.email, up: true, down: true }}
        submitLabel="Save integration"
        cancelHref={`/projects/${project.code}/integrations`}
      />
    </FormPage>
  );
}
