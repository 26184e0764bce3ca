import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { findUserCheckByUniqueKey } from "@/lib/checks/find-user-check-by-unique-key";

/**
 * /cloaked/<unique_key>/: the link in notifications, which must not contain the check's UUID
 * (a ping secret). Signed-in users with access land on the check's page; anyone else gets a
 * 404, so the link reveals nothing.
 */
export default async function CloakedCheckPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const user = await requireUser(`/cloaked/${encodeURIComponent(key)}/`);
  const code = await findUserCheckByUniqueKey(user.id, key.toLowerCase());
  if (!code) notFound();
  redirect(`/checks/${code}/details`);
}
