"use server";
// The dashboard's server action: thin glue to lib/checks, which checks the user's access.
import { redirect } from "next/navigation";
import type { ActionState } from "@/components/checks/action-state";
import { requireUser } from "@/lib/auth/session";
import { addCheckAsUser } from "@/lib/checks/add-check-as-user";
import { AppError } from "@/lib/errors";

/** "Add check": creates a check with the defaults and opens it for naming. */
export async function addCheck(projectCode: string, _state: ActionState): Promise<ActionState> {
  const user = await requireUser();
  let code: string;
  try {
    code = (await addCheckAsUser(user.id, projectCode)).code;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const error =
      err.code === "not_found"
        ? "This project no longer exists, or you have no access to it."
        : err.message || "The project owner's check limit is reached: delete a check first.";
    return { error, at: Date.now() };
  }
  redirect(`/checks/${code}/details?new=1`);
}
