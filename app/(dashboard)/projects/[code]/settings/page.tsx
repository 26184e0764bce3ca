import { ActionForm } from "@/components/projects/action-form";
import { ApiKeyRow } from "@/components/projects/api-key-row";
import { ROLE_LABEL } from "@/components/projects/role-label";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { can } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { listProjectMembers, memberRoleSchema, type TeamMember } from "@/lib/members/team";
import { getMetricsUrl } from "@/lib/projects/keys";
import { getMaxPingLogLimit } from "@/lib/projects/project-fields";
import {
  acceptTransferAction,
  cancelTransferAction,
  createApiKeyAction,
  createPingKeyAction,
  deleteProjectAction,
  inviteMemberAction,
  leaveProjectAction,
  removeMemberAction,
  renameProjectAction,
  requestTransferAction,
  revokeApiKeyAction,
  revokePingKeyAction,
  updateMemberRoleAction,
  updatePingLogLimitAction,
  updateShowSlugsAction,
} from "./actions";
import { loadProject } from "../load-project";

export const metadata = { title: "Project settings" };

const ROLE_OPTIONS = memberRoleSchema.options.map((value) => ({ value, label: ROLE_LABEL[value] }));

/** The clear part of a stored key: hashed keys keep their first 8 characters before the ".". */
function keyPrefix(stored: string): string | null {
  return stored ? `${stored.slice(0, 8)}…` : null;
}

export default async function ProjectSettingsPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const { user, actor, project, role } = await loadProject(code, `/projects/${code}/settings`);
  const team = await listProjectMembers({ actor, projectCode: code });
  const env = getEnv();
  const canWrite = can(role, "write");
  const canManage = can(role, "manage");
  const isOwner = role === "owner";
  const myOffer = team.members.find((m) => m.userId === user.id && m.transferRequestedAt);
  const offered = team.members.find((m) => m.transferRequestedAt);
  const projectName = project.name || "Unnamed project";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {projectName} · your role: {ROLE_LABEL[role]}
        </p>
      </div>

      {myOffer && (
        <section
          aria-labelledby="transfer-offer-heading"
          className="rounded-lg border border-sky-300 bg-sky-50 p-4 dark:border-sky-800 dark:bg-sky-950"
        >
          <h2 id="transfer-offer-heading" className="font-semibold">
            Ownership transfer offer
          </h2>
          <p className="mt-1 text-sm">
            {team.owner.email} would like to make you the owner of this project. If you accept, they stay on the team
            as a team member and the project&apos;s checks count towards your check limit.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <ActionForm action={acceptTransferAction.bind(null, code)} submitLabel="Accept ownership" pendingLabel="Accepting…" />
            <ActionForm action={cancelTransferAction.bind(null, code)} submitLabel="Decline" pendingLabel="Declining…" variant="secondary" />
          </div>
        </section>
      )}

      <Card title="Project name">
        {canWrite ? (
          <ActionForm action={renameProjectAction.bind(null, code)} submitLabel="Save name">
            <div className="min-w-0 flex-1 basis-64">
              <Field label="Name" htmlFor="project-name">
                <Input id="project-name" name="name" defaultValue={project.name} required maxLength={200} />
              </Field>
            </div>
          </ActionForm>
        ) : (
          <p className="text-sm">{projectName}</p>
        )}
      </Card>

      {canWrite && (
        <Card title="API access">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Keys for the management API (<code>{env.siteRoot}/api/v3/</code>). Only a hash is stored: a new key is shown once.
          </p>
          <div className="divide-y divide-slate-200 dark:divide-slate-800">
            <ApiKeyRow
              title="Read-write API key"
              noun="read-write key"
              description="Lists, creates, updates, pauses and deletes checks and reads integrations."
              prefix={keyPrefix(project.apiKey)}
              createAction={createApiKeyAction.bind(null, code, false)}
              revokeAction={revokeApiKeyAction.bind(null, code, false)}
            />
            <ApiKeyRow
              title="Read-only API key"
              noun="read-only key"
              description="Reads checks, pings and flips, and the Prometheus metrics endpoint."
              prefix={keyPrefix(project.apiKeyReadonly)}
              createAction={createApiKeyAction.bind(null, code, true)}
              revokeAction={revokeApiKeyAction.bind(null, code, true)}
              metricsUrlBase={getMetricsUrl(code, "")}
            />
          </div>
          <div className="mt-2 border-t border-slate-200 pt-3 dark:border-slate-800">
            <h3 className="text-sm font-semibold">Prometheus metrics</h3>
            {project.apiKeyReadonly ? (
              <p className="mt-1 text-sm">
                Scrape{" "}
                <code className="break-all rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{getMetricsUrl(code)}</code>, with your
                read-only key in place of the placeholder (or send it as a Bearer token to{" "}
                <code className="break-all font-mono">{getMetricsUrl(code, "")}</code>).
              </p>
            ) : (
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Create a read-only API key to get a metrics endpoint.</p>
            )}
          </div>
        </Card>
      )}

      <Card title="Ping key">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Slug ping URLs contain the project&apos;s ping key instead of each check&apos;s UUID:{" "}
          <code className="break-all font-mono">
            {env.pingEndpoint}
            {project.pingKey ?? "<ping key>"}/&lt;slug&gt;
          </code>
        </p>
        <p className="mt-2 text-sm">
          {project.pingKey ? (
            <>
              Ping key: <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{project.pingKey}</code>
            </>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">No ping key: slug URLs are off.</span>
          )}
        </p>
        {canWrite && (
          <div className="mt-3 space-y-3">
            <div className="flex flex-wrap gap-2">
              <ActionForm
                action={createPingKeyAction.bind(null, code)}
                submitLabel={project.pingKey ? "Regenerate ping key" : "Create ping key"}
                pendingLabel="Creating…"
                variant="secondary"
                confirm={project.pingKey ? "Current slug URLs stop working." : undefined}
              />
              {project.pingKey && (
                <ActionForm
                  action={revokePingKeyAction.bind(null, code)}
                  submitLabel="Revoke ping key"
                  pendingLabel="Revoking…"
                  variant="ghost"
                  confirm="Slug URLs stop working."
                />
              )}
            </div>
            {project.pingKey && (
              <ActionForm action={updateShowSlugsAction.bind(null, code)} submitLabel="Save" variant="secondary">
                <label className="flex items-center gap-2 py-2 text-sm">
                  <input type="checkbox" name="showSlugs" defaultChecked={project.showSlugs} className="h-4 w-4 rounded border-slate-300" />
                  Show slug ping URLs instead of UUID URLs
                </label>
              </ActionForm>
            )}
          </div>
        )}
      </Card>

      <Card title="Ping log">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each check keeps its last {project.pingLogLimit.toLocaleString("en-US")} pings. Older pings, and notifications
          older than the oldest kept ping, are removed at every 100th ping of a check.
        </p>
        {canManage && (
          <ActionForm action={updatePingLogLimitAction.bind(null, code)} submitLabel="Save" variant="secondary" className="mt-2">
            <div className="basis-48">
              <Field label="Pings kept per check" htmlFor="ping-log-limit">
                <Input
                  id="ping-log-limit"
                  name="pingLogLimit"
                  type="number"
                  min={1}
                  max={getMaxPingLogLimit()}
                  step={1}
                  defaultValue={project.pingLogLimit}
                  required
                />
              </Field>
            </div>
          </ActionForm>
        )}
      </Card>

      <Card title="Status badges">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Public badges showing the status of this project&apos;s checks, by tag or one check at a time, for READMEs and
          dashboards:{" "}
          <a href={`/projects/${code}/badges`} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
            get badge URLs and snippets
          </a>
          .
        </p>
      </Card>

      <Card title="Team">
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Team members">
          <li className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Person email={team.owner.email} name={team.owner.name} you={team.owner.userId === user.id} />
            <span className="text-sm font-medium">Owner</span>
          </li>
          {team.members.map((m) => (
            <MemberItem key={m.userId} member={m} code={code} you={m.userId === user.id} canManage={canManage} />
          ))}
        </ul>

        {canManage && (
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <h3 className="text-sm font-semibold">Invite a team member</h3>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {env.email.host
                ? "They get an email about it; someone new gets a link to set up their account."
                : "Email is not set up on this server: for someone new you get a set-up link to pass on; people with an account just sign in."}
            </p>
            <ActionForm
              action={inviteMemberAction.bind(null, code)}
              submitLabel="Send invite"
              pendingLabel="Inviting…"
              secretLabel="Set-up link for the new member"
              className="mt-2"
            >
              <div className="min-w-0 flex-1 basis-64">
                <Field label="Email" htmlFor="invite-email">
                  <Input id="invite-email" name="email" type="email" autoComplete="off" required />
                </Field>
              </div>
              <div className="basis-40">
                <Field label="Role" htmlFor="invite-role">
                  <Select id="invite-role" name="role" defaultValue="member">
                    {ROLE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            </ActionForm>
          </div>
        )}

        {isOwner && team.members.length > 0 && (
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <h3 className="text-sm font-semibold">Transfer ownership</h3>
            {offered ? (
              <>
                <p className="text-sm">
                  You offered the ownership to {offered.email}. They can accept it on this page.
                </p>
                <ActionForm
                  action={cancelTransferAction.bind(null, code)}
                  submitLabel="Cancel transfer"
                  pendingLabel="Cancelling…"
                  variant="secondary"
                  className="mt-2"
                />
              </>
            ) : (
              <>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  The member you choose becomes the owner once they accept; you stay on the team as a team member.
                </p>
                <ActionForm action={requestTransferAction.bind(null, code)} submitLabel="Offer ownership" pendingLabel="Sending…" variant="secondary" className="mt-2">
                  <div className="min-w-0 flex-1 basis-64">
                    <Field label="New owner" htmlFor="transfer-member">
                      <Select id="transfer-member" name="memberUserId" required>
                        {team.members.map((m) => (
                          <option key={m.userId} value={m.userId}>
                            {m.email}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>
                </ActionForm>
              </>
            )}
          </div>
        )}

        {!isOwner && (
          <div className="mt-4 border-t border-slate-200 pt-4 dark:border-slate-800">
            <h3 className="text-sm font-semibold">Leave this project</h3>
            <p className="text-sm text-slate-600 dark:text-slate-400">You lose access until someone invites you again.</p>
            <ActionForm
              action={leaveProjectAction.bind(null, code)}
              submitLabel="Leave project"
              pendingLabel="Leaving…"
              variant="danger"
              confirm="Leave this project?"
              className="mt-2"
            />
          </div>
        )}
      </Card>

      {isOwner && (
        <Card title="Delete project" className="border-red-200 dark:border-red-900">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Deletes the project with all its checks, ping history, integrations and team. This cannot be undone.
          </p>
          <ActionForm action={deleteProjectAction.bind(null, code)} submitLabel="Delete project" pendingLabel="Deleting…" variant="danger" className="mt-3">
            <div className="min-w-0 flex-1 basis-64">
              <Field label={`Type “${project.name || project.code}” to confirm`} htmlFor="delete-confirmation">
                <Input id="delete-confirmation" name="confirmation" autoComplete="off" required />
              </Field>
            </div>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}

function Person({ email, name, you }: { email: string; name: string; you: boolean }) {
  return (
    <div className="min-w-0">
      <p className="truncate text-sm font-medium">
        {name || email}
        {you && <span className="ml-1 text-slate-500 dark:text-slate-400">(you)</span>}
      </p>
      {name && <p className="truncate text-xs text-slate-500 dark:text-slate-400">{email}</p>}
    </div>
  );
}

function MemberItem({ member, code, you, canManage }: { member: TeamMember; code: string; you: boolean; canManage: boolean }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <div className="flex min-w-0 items-center gap-2">
        <Person email={member.email} name={member.name} you={you} />
        {member.transferRequestedAt && (
          <span className="shrink-0 rounded bg-sky-100 px-2 py-0.5 text-xs text-sky-800 dark:bg-sky-900 dark:text-sky-200">
            Ownership offered
          </span>
        )}
      </div>
      {canManage ? (
        <div className="flex flex-wrap items-start gap-2">
          <ActionForm action={updateMemberRoleAction.bind(null, code, member.userId)} submitLabel="Save role" variant="secondary">
            <label htmlFor={`role-${member.userId}`} className="sr-only">
              Role of {member.email}
            </label>
            <div className="w-36">
              <Select id={`role-${member.userId}`} name="role" defaultValue={member.role}>
                {ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </div>
          </ActionForm>
          <ActionForm
            action={removeMemberAction.bind(null, code, member.userId)}
            submitLabel="Remove"
            pendingLabel="Removing…"
            variant="ghost"
            confirm={`Remove ${member.email}?`}
          />
        </div>
      ) : (
        <span className="text-sm">{ROLE_LABEL[member.role]}</span>
      )}
    </li>
  );
}
