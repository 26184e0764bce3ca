// Shared set-up of the integrations tests: the fixture trio plus dave, a read-only member of
// alice's project, and two checks in it.
import { userActor } from "../../lib/auth/actor";
import { createChannel } from "../../lib/channels/create-channel";
import { updateChannel } from "../../lib/channels/update-channel";
import type { z } from "zod";
import { getDb } from "../../lib/db";
import { getKind, listKinds } from "../../lib/integrations/registry";
import { createCheck, createFixtures } from "../fixtures";

export async function createIntegrationFixtures() {
  const fixtures = await createFixtures();
  const db = getDb();
  const dave = await db.user.create({ data: { email: "dave@example.org" } });
  await db.member.create({ data: { userId: dave.id, projectId: fixtures.project.id, role: "r" } });
  const checks = [
    await createCheck(fixtures.project.id, { name: "Backups", slug: "backups" }),
    await createCheck(fixtures.project.id, { name: "Reports", slug: "reports" }),
  ];
  return { ...fixtures, dave, checks };
}

/** The link in a verification email's text. */
export function findVerifyLink(text: string | undefined): string {
  const match = /https?:\/\/\S+\/integrations\/[0-9a-f-]{36}\/verify\/\S+/.exec(text ?? "");
  if (!match) throw new Error(`no verification link in:\n${text}`);
  return match[0];
}

/**
 * What the web app's add form does: creates the channel for `userId`, attached to every check
 * of the project, and mails a confirmation link where one is needed.
 */
export function addChannel(userId: number, projectCode: string, input: { kind: string; name?: string; config: unknown }) {
  return createChannel({ actor: userActor(userId), projectCode, input: { ...input, checks: "*" } });
}

/** What the web app's edit form does: replaces the name and config, and re-enables the channel. */
export function editChannel(userId: number, channelCode: string, input: { name?: string; config: unknown }) {
  return updateChannel({ actor: userActor(userId), channelCode, input, reenable: true });
}

/**
 * A kind's web form as the form tests read it: toConfig from submitted values to the config
 * the API validates, fromConfig from a stored config (JSON) back to the values.
 */
export function getSettingsKind(kind: string) {
  const descriptor = getKind(kind);
  const form = descriptor?.form;
  if (!descriptor || !form) return undefined;
  return {
    kind,
    fields: form.fields,
    defaults: form.defaults,
    errorFields: form.errorFields,
    toConfig: (values: Record<string, string>) => form.toConfig(values).config,
    fromConfig: (json: string) => form.fromConfig(descriptor.readConfig(json)),
  };
}

/** Whether the web app has an add/edit form for this kind. */
export function hasKindForm(kind: string): boolean {
  const layout = getKind(kind)?.form?.layout;
  return layout !== undefined && layout !== "connect";
}

/** Each kind's config schema, by kind. */
export const CHANNEL_KINDS: Readonly<Record<string, { schema: z.ZodType<Record<string, unknown>> }>> = Object.fromEntries(
  listKinds().map((d) => [d.kind, { schema: d.configSchema }]),
);
