import { notFound } from "next/navigation";
import { AgentsTable } from "@/components/agents/agents-table";
import { ActionForm } from "@/components/projects/action-form";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { listAgents } from "@/lib/agents/queries";
import { userActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { isInstanceAdmin } from "@/lib/env";
import { createAgentAction, revokeAgentAction } from "./actions";

export const metadata = { title: "Agents" };
export const dynamic = "force-dynamic";

/** Remote probe agents, for instance administrators (ADMIN_EMAILS); everyone else gets a 404. */
export default async function AgentsPage() {
  const user = await requireUser("/agents");
  // 404, not 403: the page's existence is not shown to accounts that cannot use it.
  if (!isInstanceAdmin(user.email)) notFound();
  const now = new Date();
  const rows = await listAgents({ actor: userActor(user.id), now });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Agents</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Remote probe agents run the active checks that list their region. Agents of one region share its checks; one
          silent for three polls is marked stale and its share goes to the others.
        </p>
      </div>

      <Card title="Add an agent">
        <ActionForm action={createAgentAction} submitLabel="Add agent" pendingLabel="Adding…" secretLabel="The agent's token: copy it now, it is not shown again">
          <div className="min-w-0 basis-48">
            <Field label="Region" htmlFor="agent-region" hint="As check probes list it, e.g. eu-west">
              <Input id="agent-region" name="region" required maxLength={40} pattern="[a-z0-9][a-z0-9\-]{0,39}" />
            </Field>
          </div>
          <div className="min-w-0 flex-1 basis-48">
            <Field label="Name (optional)" htmlFor="agent-name">
              <Input id="agent-name" name="name" maxLength={100} />
            </Field>
          </div>
        </ActionForm>
      </Card>

      <Card title={`Agents (${rows.length})`}>
        <AgentsTable rows={rows} now={now} revokeActionFor={(code) => revokeAgentAction.bind(null, code)} />
      </Card>
    </div>
  );
}
