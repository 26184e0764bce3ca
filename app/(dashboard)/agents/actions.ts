"use server";

import { revalidatePath } from "next/cache";
import { createAgent } from "@/lib/agents/create-agent";
import { revokeAgent } from "@/lib/agents/revoke-agent";
import { requireActor } from "@/lib/auth/session";
import { toFormState, type FormState } from "@/lib/errors";

const text = (formData: FormData, name: string) => {
  const v = formData instanceof FormData ? formData.get(name) : null;
  return typeof v === "string" ? v : "";
};

/** "Add agent": the token comes back as the form's one-time secret. */
export async function createAgentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    const { agent, token } = await createAgent({ actor: await requireActor("/agents"), region: text(formData, "region"), name: text(formData, "name") });
    revalidatePath("/agents");
    return { ok: true, secret: token, message: `Agent added for region ${agent.region}. Start it with: npx vigil agent --server <this site> --token <the token> --region ${agent.region}`, at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}

export async function revokeAgentAction(agentCode: string): Promise<FormState> {
  try {
    if (typeof agentCode !== "string") return { ok: false, error: "Unknown agent.", at: Date.now() };
    await revokeAgent({ actor: await requireActor("/agents"), agentCode });
    revalidatePath("/agents");
    return { ok: true, message: "Agent revoked.", at: Date.now() };
  } catch (err) {
    return toFormState(err);
  }
}
