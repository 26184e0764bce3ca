"use server";
// Thin glue: each action checks the arguments it was sent (an action id can be called with
// anything), signs the user in, calls the verb that enforces the role (the same one tests
// exercise), and hands the outcome to the form as a FormState.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { AppError, toFormState, type FormState } from "@/lib/errors";
import { acceptTransfer } from "@/lib/members/accept-transfer";
import { cancelTransfer } from "@/lib/members/cancel-transfer";
import { inviteMember } from "@/lib/members/invite-member";
import { leaveProject } from "@/lib/members/leave-project";
import { removeMember } from "@/lib/members/remove-member";
import { requestTransfer } from "@/lib/members/request-transfer";
import { updateMemberRole } from "@/lib/members/update-member-role";
import { createApiKey } from "@/lib/projects/create-api-key";
import { createPingKey } from "@/lib/projects/create-ping-key";
import { deleteApiKey } from "@/lib/projects/delete-api-key";
import { deletePingKey } from "@/lib/projects/delete-ping-key";
import { deleteProject } from "@/lib/projects/delete-project";
import { renameProject } from "@/lib/projects/rename-project";
import { updatePingLogLimit } from "@/lib/projects/update-ping-log-limit";
import { updateShowSlugs } from "@/lib/projects/update-show-slugs";

const STALE_FORM = "This form is out of date. Reload the page and try again.";

function text(formData: unknown, name: string): string {
  const v = formData instanceof FormData ? formData.get(name) : null;
  return typeof v === "string" ? v : "";
}

function isUserId(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

/**
 * Runs `work` for the signed-in user once the bound arguments have the types the page binds;
 * on success refreshes every page (names show in the shell). Refusals become the form's message.
 */
async function run(argsOk: boolean, work: (actor: Actor) => Promise<FormState>): Promise<FormState> {
  try {
    if (!argsOk) throw new AppError("bad_request", STALE_FORM);
    const state = await work(await requireActor());
    revalidatePath("/", "layout");
    return { ...state, at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function renameProjectAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    await renameProject({ actor, projectCode: code, name: text(formData, "name") });
    return { ok: true, message: "Project renamed." };
  });
}

export async function createApiKeyAction(code: string, readOnly: boolean): Promise<FormState> {
  return run(typeof code === "string" && typeof readOnly === "boolean", async (actor) => {
    const key = await createApiKey({ actor, projectCode: code, readOnly });
    return { ok: true, secret: key, message: `New ${readOnly ? "read-only" : "read-write"} API key created.` };
  });
}

export async function revokeApiKeyAction(code: string, readOnly: boolean): Promise<FormState> {
  return run(typeof code === "string" && typeof readOnly === "boolean", async (actor) => {
    await deleteApiKey({ actor, projectCode: code, readOnly });
    return { ok: true, message: "API key revoked." };
  });
}

export async function createPingKeyAction(code: string): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    await createPingKey({ actor, projectCode: code });
    return { ok: true, message: "New ping key created." };
  });
}

export async function revokePingKeyAction(code: string): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    await deletePingKey({ actor, projectCode: code });
    return { ok: true, message: "Ping key revoked." };
  });
}

export async function updateShowSlugsAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    const on = text(formData, "showSlugs") === "on";
    await updateShowSlugs({ actor, projectCode: code, showSlugs: on });
    return { ok: true, message: on ? "Ping URLs now use slugs." : "Ping URLs now use UUIDs." };
  });
}

export async function updatePingLogLimitAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    const project = await updatePingLogLimit({ actor, projectCode: code, value: text(formData, "pingLogLimit") });
    return { ok: true, message: `Each check now keeps its last ${project.pingLogLimit} pings.` };
  });
}

export async function inviteMemberAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    const result = await inviteMember({ actor, projectCode: code, email: text(formData, "email"), role: text(formData, "role") });
    const who = result.user.email;
    if (result.emailed) return { ok: true, message: `Invite sent to ${who}.` };
    const failed = result.mailError ? ` The invite email failed (${result.mailError}).` : " Email is not set up on this server.";
    if (!result.setupLink) {
      return { ok: true, message: `${who} was added.${failed} They already have an account: tell them to sign in as usual.` };
    }
    return {
      ok: true,
      secret: result.setupLink,
      message: `${who} was added.${failed} Send them this link to set up their account yourself; it works once, for one hour.`,
    };
  });
}

export async function updateMemberRoleAction(code: string, memberUserId: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(typeof code === "string" && isUserId(memberUserId), async (actor) => {
    await updateMemberRole({ actor, projectCode: code, memberUserId, role: text(formData, "role") });
    return { ok: true, message: "Role updated." };
  });
}

export async function removeMemberAction(code: string, memberUserId: number): Promise<FormState> {
  return run(typeof code === "string" && isUserId(memberUserId), async (actor) => {
    await removeMember({ actor, projectCode: code, memberUserId });
    return { ok: true, message: "Member removed." };
  });
}

export async function requestTransferAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    const memberUserId = Number(text(formData, "memberUserId"));
    if (!isUserId(memberUserId)) throw new AppError("bad_request", "Choose the member to offer the project to.", { field: "memberUserId" });
    const { emailed } = await requestTransfer({ actor, projectCode: code, memberUserId });
    return { ok: true, message: emailed ? "Ownership offered; the member was emailed." : "Ownership offered; the member sees it on this page." };
  });
}

export async function cancelTransferAction(code: string): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    await cancelTransfer({ actor, projectCode: code });
    return { ok: true, message: "Ownership transfer cancelled." };
  });
}

export async function acceptTransferAction(code: string): Promise<FormState> {
  return run(typeof code === "string", async (actor) => {
    await acceptTransfer({ actor, projectCode: code });
    return { ok: true, message: "You are now the owner of this project." };
  });
}

// Leaving and deleting end on another page, so they redirect (outside the try: redirect throws).
export async function leaveProjectAction(code: string): Promise<FormState> {
  const state = await run(typeof code === "string", async (actor) => {
    await leaveProject({ actor, projectCode: code });
    return { ok: true };
  });
  if (state.ok) redirect("/projects");
  return state;
}

export async function deleteProjectAction(code: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const state = await run(typeof code === "string", async (actor) => {
    await deleteProject({ actor, projectCode: code, confirmation: text(formData, "confirmation") });
    return { ok: true };
  });
  if (state.ok) redirect("/projects");
  return state;
}
