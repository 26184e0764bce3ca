import { notFound, redirect } from "next/navigation";
import { userActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/session";
import { findCheckByUniqueKey } from "@/lib/checks/find-check";
import { AppError } from "@/lib/errors";

/**
 * /cloaked/<unique_key>/: the link in notifications, which must not contain the check's UUID
 * (a ping secret). Signed-in users with access land on the check's page; anyone else gets a
 * 404, so the link reveals nothing.
 */
export default async function CloakedCheckPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const user = await requireUser(`/cloaked/${encodeURIComponent(key)}/`);
  let code: string;
  try {
    code = (await findCheckByUniqueKey({ actor: userActor(user.id), uniqueKey: key.toLowerCase() })).check.code;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  redirect(`/checks/${code}/details`);
}
