// The shape every integration kind fills in once, in its own file or folder, and that
// registry.ts lists: what the channels API validates and stores, how a stored config is read back,
// the transport that delivers, the web form, the list's summary, and the hooks a save runs. The
// channels API, the web pages and deliverFlip all work from these, so adding a kind touches its
// own module and one line of registry.ts (CONTRIBUTING.md, "New integration").
//
// Types only (and no runtime imports), so client components may import the form types from here.
// Probe types reuse KindForm and FormField for their setup forms.
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import type { Channel, Project, Tx } from "../db";
import type { Env } from "../env";
import type { OAuthProvider } from "./oauth";
import type { Transport } from "./transport";

/** The small inline icon the UI shows beside a kind (components/integrations/kind-icon.tsx). */
export type KindIconName = "chat" | "bell" | "phone" | "siren" | "email" | "group" | "shell" | "webhook" | "plug";

/** One input of a setup form. */
export interface FormField {
  /** The form field's name; the same as the config key unless the form maps it (KindForm.errorFields). */
  name: string;
  label: string;
  /**
   * Text inputs are trimmed; a "textarea" is kept as typed. A checkbox submits "on" when ticked
   * and "" when not; "multiple" submits every ticked value, comma-joined.
   */
  type: "text" | "textarea" | "url" | "email" | "password" | "select" | "checkbox" | "multiple";
  options?: readonly { value: string; label: string }[];
  placeholder?: string;
  hint?: string;
  /** Leaving a required field empty gets "Enter the <label>." (or `messages.empty`). */
  required?: boolean;
  maxLength?: number;
}

/** What a form says about a field's bad value instead of the schema's API wording. */
export interface FieldMessages {
  /** When the field was left empty. */
  empty?: string;
  /** When it holds something the schema refuses. */
  invalid?: string;
}

/**
 * Which shared form component renders a kind's add/edit page: "settings" is the generic list of
 * fields; "webhook-url" a single incoming-webhook URL; "email", "webhook" and "group" have
 * layouts of their own; "connect" kinds are set up from the service's side (Telegram's /start)
 * and have no edit page.
 */
export type FormLayout = "settings" | "webhook-url" | "email" | "webhook" | "group" | "connect";

/** A $NAME-style placeholder a form lists beside its fields (the webhook form). */
export interface Placeholder {
  name: string;
  description: string;
  /** $BODY and $BODY_JSON are only expanded in a request body. */
  bodyOnly?: boolean;
}

/** How the web app sets up a kind. Pure data and functions: no database, no network. */
export interface KindForm<Config> {
  layout: FormLayout;
  /** Where to find the values in the service, step by step (the add page lists them). */
  steps: readonly string[];
  /** The submitted inputs besides "name", in display order. */
  fields: readonly FormField[];
  /** Values of a new channel's form; fields not listed start empty (checkboxes ticked). */
  defaults?: Readonly<Record<string, string>>;
  /**
   * The config to validate and store, from the submitted values. `errors` are problems only the
   * form can see (a header line without a colon), by field.
   */
  toConfig(values: Readonly<Record<string, string>>): { config: unknown; errors?: Record<string, string> };
  /** The form's values for a stored config (the edit page). */
  fromConfig(config: Config): Record<string, string>;
  /** Config key → the form field that shows its error, where they differ ("" = a rule about the whole config). */
  errorFields?: Readonly<Record<string, string>>;
  /** The form's wording for its fields' errors, by form field. */
  messages?: Readonly<Record<string, FieldMessages>>;
  /** For "webhook" forms: the placeholders listed beside the request fields. */
  placeholders?: readonly Placeholder[];
  /** For "webhook-url" forms: the URL field's label and an example URL. */
  urlField?: { label: string; example: string };
}

/** The channel being edited, as a save hook sees it. */
export interface PreviousChannel<Config> {
  config: Config;
  emailVerified: boolean;
  disabled: boolean;
}

/** What beforeSave may decide besides the config. */
export interface SaveDecision {
  /** Whether the channel may notify before its address is confirmed; true unless a kind says otherwise. */
  emailVerified?: boolean;
}

export interface SaveContext<Config> {
  actor: Actor;
  project: Project;
  /** The validated config about to be stored. */
  config: Config;
  /** Null when the channel is new. */
  previous: PreviousChannel<Config> | null;
  /** The save re-enables a disabled channel (the web form's "Save"). */
  reenable: boolean;
}

/** What the person who saved should be told (the email kind's confirmation link). */
export interface SaveNotice {
  verificationSent: boolean;
  verificationError: string | null;
}

/**
 * Everything Vigil knows about one integration kind. `Config` is the typed config the kind's
 * code works with; the stored JSON is whatever `configSchema` outputs.
 */
export interface KindDescriptor<Config = unknown> {
  /** The channel kind stored in channels.kind and used by the API ("slack", "po", "pd"…). */
  kind: string;
  /** How the UI names it ("Pushover"). */
  label: string;
  /** One sentence for the "Add integration" list. */
  description: string;
  icon: KindIconName;
  /** Validates API and form input; outputs the object stored as JSON in channels.config. */
  configSchema: z.ZodType<Record<string, unknown>>;
  /** Stored JSON (also Healthchecks' legacy plain values) → typed config; never throws. */
  readConfig(json: string): Config;
  transport: Transport;
  /** The web setup form; null when the kind can only be set up through the API. */
  form: KindForm<Config> | null;
  /** The integrations list's lines for a stored config, shown to read-only members too: no secrets. */
  summarize(config: Config): string[];
  /** Whether this server offers the kind (e.g. SLACK_ENABLED=False turns Slack off); default on. */
  isEnabled?(env: Env): boolean;
  /** An "Add to <service>" OAuth flow offered beside the form (Slack, Discord). */
  oauth?: OAuthProvider;
  /**
   * Runs after the access check and validation, before the transaction, and may call the
   * network: Matrix joins its room and stores the room id the homeserver resolved. Gets the
   * config both typed and as the object about to be stored; returns the object to store.
   * Throws AppError (with `field`) to refuse the save.
   */
  prepare?(config: Config, stored: Record<string, unknown>, previous: PreviousChannel<Config> | null): Promise<Record<string, unknown>>;
  /**
   * Runs inside the save's transaction: the group kind checks its members belong to the
   * project, the email kind decides whether the address needs confirming. Throws AppError to
   * refuse the save.
   */
  beforeSave?(tx: Tx, ctx: SaveContext<Config>): Promise<SaveDecision>;
  /** Runs after the save committed (the email kind mails its confirmation link); never throws. */
  afterSave?(channel: Channel, ctx: SaveContext<Config>): Promise<SaveNotice | null>;
  /**
   * For kinds whose channels wait for a confirmation (email): sends it again to a channel still
   * waiting, after the caller checked access. Throws AppError ("bad_request" when the channel
   * needs no confirming, "rate_limited", "unavailable").
   */
  resendConfirmation?(channel: Channel, project: Project, now: Date): Promise<void>;
}

/**
 * A descriptor whose Config the caller does not know (the registry's list, the verbs). `any` is
 * the existential here: each entry has its own Config, and callers only hand a kind's readConfig
 * output back to the same kind's functions.
 */
export type AnyKindDescriptor = KindDescriptor<any>;
