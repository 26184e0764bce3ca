"use server";
// Thin glue: each action signs the user in, calls the lib function that enforces the role
// (the same one tests exercise), and turns refusals into a form message.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionError, type ActionState } from "@/components/projects/action-state";
import { requireUser } from "@/lib/auth/session";
import { acceptTransfer } from "@/lib/members/accept-transfer";
import { cancelTransfer } from "@/lib/members/cancel-transfer";
import { inviteMember } from "@/lib/members/invite-member";
import { leaveProject } from "@/lib/members/leave-project";
import { removeMember } from "@/lib/members/remove-member";
import { requestTransfer } from "@/lib/members/request-transfer";
import { updateMemberRole } from "@/lib/members/update-member-role";
import type { MemberRole } from "@/lib/members/member-role";
import { createProjectApiKey } from "@/lib/projects/create-project-api-key";
import { createProjectPingKey } from "@/lib/projects/create-project-ping-key";
import { deleteProject } from "@/lib/projects/delete-project";
import { deleteProjectApiKey } from "@/lib/projects/delete-project-api-key";
import { deleteProjectPingKey } from "@/lib/projects/delete-project-ping-key";
import { renameProject } from "@/lib/projects/rename-project";
import { updatePingLogLimit } from "@/lib/projects/update-ping-log-limit";
import { updateShowSlugs } from "@/lib/projects/update-show-slugs";

function text(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/** Runs `fn` for the signed-in user; on success refreshes every page (names show in the shell). */
async function run(fn: (userId: number) => Promise<ActionState | void>): Promise<ActionState> {
  const user = await requireUser();
  try {
    const state = (await fn(user.id)) ?? { ok: true };
    revalidatePath("/", "layout");
    return state;
  } catch (err) {
    return toActionError(err);
  }
}

export async function renameProjectAction(code: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(async (userId) => {
    await renameProject(userId, code, text(formData, "name"));
    return { ok: true, message: "Project renamed." };
  });
}

export async function createApiKeyAction(code: string, readOnly: boolean, _prev: ActionState): Promise<ActionState> {
  return run(async (userId) => {
    const key = await createProjectApiKey(userId, code, { readOnly });
    return { ok: true, secret: key, message: `New ${readOnly ? "read-only" : "read-write"} API key created.` };
  });
}

export async function revokeApiKeyAction(code: string, readOnly: boolean, _prev: ActionState): Promise<ActionState> {
  return run(async (userId) => {
    await deleteProjectApiKey(userId, code, { readOnly });
    return { ok: true, message: "API key revoked." };
  });
}

export async function createPingKeyAction(code: string, _prev: ActionState): Promise<ActionState> {
  return run(async (userId) => {
    await createProjectPingKey(userId, code);
    return { ok: true, message: "New ping key created." };
  });
}

export async function revokePingKeyAction(code: string, _prev: ActionState): Promise<ActionState> {
  return run(async (userId) => {
    await deleteProjectPingKey(userId, code);
    return { ok: true, message: "Ping key revoked." };
  });
}

export async function updateShowSlugsAction(code: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(async (userId) => {
    const on = formData.get("showSlugs") === "on";
    await updateShowSlugs(userId, code, on);
    return { ok: true, message: on ? "Ping URLs now use slugs." : "Ping URLs now use UUIDs." };
  });
}

export async function updatePingLogLimitAction(code: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(async (userId) => {
    const project = await updatePingLogLimit(userId, code, text(formData, "pingLogLimit"));
    return { ok: true, message: `Each check now keeps its last ${project.pingLogLimit} pings.` };
  });
}

export async function inviteMemberAction(code: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(async (userId) => {
    const email = text(formData, "email");
    const result = await inviteMember(userId, code, { email, role: text(formData, "role") as MemberRole });
    const who = result.user.email;
    if (result.emailed) return { ok: true, message: `Invite sent to ${who}.` };
    return {
      ok: true,
      secret: result.loginLink,
      message: result.mailError
        ? `${who} was added, but the invite email failed (${result.mailError}). Send them this sign-in link yourself; it works once, for one hour.`
        : `${who} was added. Email is not set up on this server, so send them this sign-in link yourself; it works once, for one hour.`,
    };
  });
}

export async function updateMemberRoleAction(code: string, memberUserId: number, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(async (userId) => {
    await updateMemberRole(userId, code, memberUserId, text(formData, "role") as MemberRole);
    return { ok: true, message: "Role updated." };
  });
}

export async function removeMemberAction(code: string, memberUserId: number, _prev: ActionState): Promise<ActionState> {
  return run(async (userId) => {
    await removeMember(userId, code, memberUserId);
    return { ok: true, message: "Member removed." };
  });
}

export async function requestTransferAction(code: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  return run(async (userId) => {
    const memberUserId = Number(text(formData, "memberUserId"));
    const { emailed } = await requestTransfer(userId, code, memberUserId);
    return { ok: true, message: emailed ? "Ownership offered; the member was emailed." : "Ownership offered; the member sees it on this page." };
  });
}

export async function cancelTransferAction(code: string, _prev: ActionState): Promise<ActionState> {
  return run(async (userId) => {
    await cancelTransfer(userId, code);
    return { ok: true, message: "Ownership transfer cancelled." };
  });
}

export async function acceptTransferAction(code: string, _prev: ActionState): Promise<ActionState> {
  return run(async (userId) => {
    await acceptTransfer(userId, code);
    return { ok: true, message: "You are now the owner of this project." };
  });
}

// Leaving and deleting end on another page, so they redirect (outside the try: redirect throws).
export async function leaveProjectAction(code: string, _prev: ActionState): Promise<ActionState> {
  const state = await run((userId) => leaveProject(userId, code));
  if (state.ok) redirect("/projects");
  return state;
}

export async function deleteProjectAction(code: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const state = await run((userId) => deleteProject(userId, code, text(formData, "confirmation")));
  if (state.ok) redirect("/projects");
  return state;
}
