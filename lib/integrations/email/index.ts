// The email kind: {"value": address, "up", "down"}. An address nobody in the project signed in
// with must be confirmed through a mailed link before it gets alerts (verification.ts); every
// alert carries a signed unsubscribe link (unsubscribe.ts).
import { z } from "zod";
import type { KindDescriptor, SaveContext } from "../descriptor";
import { notifyFlag, readUpDownConfig, type UpDownConfig } from "../config";
import { CHOOSE_EVENT, isTicked, tick } from "../forms";
import { emailTransport } from "./transport";
import { isTrustedEmail, resendVerification, sendVerificationEmail } from "./verification";

// Django's EmailValidator also accepts bare "localhost" domains, which self-hosters use.
const EMAIL = /^[^\s@]+@([^\s@.]+\.)+[^\s@.]+$|^[^\s@]+@localhost$/;

const emailConfig = z.strictObject({
  value: z
    .string({ error: "must be a string" })
    .max(254, { error: "must be at most 254 characters" })
    .regex(EMAIL, { error: "must be an email address" }),
  up: notifyFlag,
  down: notifyFlag,
});

/**
 * Whether this save must (re)confirm the address: a new channel, a new address (in any case),
 * or a disabled channel saved again from the form (it may have unsubscribed).
 */
function needsConfirming(ctx: SaveContext<UpDownConfig>): boolean {
  if (!ctx.previous) return true;
  if (ctx.previous.config.value.toLowerCase() !== ctx.config.value.toLowerCase()) return true;
  return ctx.reenable && ctx.previous.disabled;
}

export const emailKind: KindDescriptor<UpDownConfig> = {
  kind: "email",
  label: "Email",
  description: "Get an email message when a check goes up or down.",
  icon: "email",
  configSchema: emailConfig,
  readConfig: readUpDownConfig,
  transport: emailTransport,
  form: {
    layout: "email",
    steps: [
      "Addresses of project members are ready at once. Any other address first gets a confirmation link (unless this server turns confirmation off), and nothing is sent to it until someone opens the link.",
    ],
    fields: [
      { name: "value", label: "Email address", type: "email", required: true, maxLength: 254, hint: "Notifications are sent to this address." },
      { name: "down", label: "goes down", type: "checkbox" },
      { name: "up", label: "goes back up", type: "checkbox" },
    ],
    toConfig: (v) => {
      const config = { value: v.value ?? "", up: isTicked(v.up), down: isTicked(v.down) };
      const errors: Record<string, string> = config.up || config.down ? {} : { events: CHOOSE_EVENT };
      return { config, errors };
    },
    fromConfig: (c) => ({ value: c.value, up: tick(c.up), down: tick(c.down) }),
    messages: { value: { empty: "Enter an email address.", invalid: "Enter a valid email address." } },
  },
  summarize: ({ value, up, down }) => {
    const events = up && down ? "" : up ? " (up only)" : down ? " (down only)" : " (no events)";
    return [`${value}${events}`];
  },
  // Healthchecks skips the confirmation for the user's own address; Vigil for any project member's.
  beforeSave: async (tx, ctx) => {
    if (!needsConfirming(ctx)) return { emailVerified: ctx.previous?.emailVerified ?? true };
    return { emailVerified: await isTrustedEmail(tx, ctx.project.id, ctx.config.value) };
  },
  // Only a person at a form is told about the link; the management API never mailed one.
  afterSave: async (channel, ctx) => {
    if (ctx.actor.type !== "user" || channel.emailVerified || !needsConfirming(ctx)) return null;
    try {
      await sendVerificationEmail(channel, ctx.project);
      return { verificationSent: true, verificationError: null };
    } catch (err) {
      return { verificationSent: false, verificationError: err instanceof Error ? err.message : String(err) };
    }
  },
  resendConfirmation: resendVerification,
};
