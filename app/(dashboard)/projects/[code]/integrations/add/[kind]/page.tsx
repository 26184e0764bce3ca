// The add page of every kind with a form, built from its descriptor (kind-form-page.tsx).
// Telegram is connected from Telegram's side and has its own page (add/telegram/).
import { notFound } from "next/navigation";
import { getOAuthProvider } from "@/lib/channels/oauth-setup";
import { getEnv } from "@/lib/env";
import { getDefaultFormValues } from "@/lib/integrations/forms";
import { getKind, isKindEnabled } from "@/lib/integrations/registry";
import { KindFormPage } from "../../kind-form-page";
import { requireWriter } from "../../require-writer";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const descriptor = getKind(kind);
  return { title: descriptor?.form ? `Add ${descriptor.label} integration` : "Add integration" };
}

export default async function AddChannelPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; kind: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, kind } = await params;
  const { oauth_error: oauthError } = await searchParams;
  const descriptor = getKind(kind);
  if (!descriptor?.form || descriptor.form.layout === "connect" || !isKindEnabled(kind, getEnv())) notFound();
  const { user, actor, project } = await requireWriter(code, `/projects/${code}/integrations/add/${kind}`);
  const initial: Record<string, string> = { name: "", ...getDefaultFormValues(descriptor.form) };
  // Most people add their own address first.
  if (descriptor.form.layout === "email") initial.value = user.email;
  const provider = getOAuthProvider(kind);
  return (
    <KindFormPage
      actor={actor}
      descriptor={descriptor}
      project={project}
      initial={initial}
      oauth={provider ? { provider, error: typeof oauthError === "string" ? oauthError : undefined } : null}
    />
  );
}
