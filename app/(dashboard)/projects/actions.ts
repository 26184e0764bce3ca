"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/errors";
import { createProject } from "@/lib/projects/create-project";

/** "Create project": a project the signed-in user owns; opens its checks. */
export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const name = formData instanceof FormData ? formData.get("name") : null;
  let code: string;
  try {
    code = (await createProject({ actor: await requireActor(), name: typeof name === "string" ? name : "" })).code;
  } catch (err) {
    return toFormState(err);
  }
  redirect(`/projects/${code}/checks`);
}
