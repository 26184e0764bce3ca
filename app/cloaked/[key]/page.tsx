import { redirect } from "next/navigation";
import { userActor } from "@/lib/auth/actor";
import { orNotFound, requireUser } from "@/lib/auth/session";
import { findCheckByUniqueKey } from "@/lib/checks/find-check";

/**
 * /cloaked/<unique_key>/: the link in notifications, which must not contain the check's UUID
 * (a ping secret). Signed-in users with access land on the check's page; anyone else gets a
 * 404, so the link reveals nothing.
 */
export default async function CloakedCheckPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const user = await requireUser(`/cloaked/${encodeURIComponent(key)}/`);
  const { check } = await orNotFound(findCheckByUniqueKey({ actor: userActor(user.id), uniqueKey: key.toLowerCase() }));
  redirect(`/checks/${check.code}/details`);
}
