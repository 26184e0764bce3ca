// The vigil.yml model: what a file may declare (checks, channels, status pages, each by name),
// as zod schemas that validate a parsed file and give `vigil schema` its JSON Schema. Probe
// options reuse the probe schemas the API validates with, so a file is checked as the server
// would check it, with the same defaults.
import { z } from "zod";
import { dnsProbeObject, httpProbeObject, tcpProbeObject, tlsProbeObject, withQuorum } from "../probes/config";

/** Any failure of the config-as-code commands: a bad file, a refused key, an unreachable server. */
export class ConfigError extends Error {
  override name = "ConfigError";
  /** The HTTP status when the server refused a request. */
  readonly status: number | null;

  constructor(message: string, { status = null }: { status?: number | null } = {}) {
    super(message);
    this.status = status;
  }
}

const seconds = (min: number) =>
  z.number({ error: "must be a number of seconds" }).int({ error: "must be a whole number of seconds" }).min(min, { error: `must be at least ${min} seconds` }).max(31_536_000, { error: "must be at most a year (31536000 seconds)" });

export const probeSchema = withQuorum(
  z.discriminatedUnion("type", [httpProbeObject, tcpProbeObject, dnsProbeObject, tlsProbeObject], {
    error: (issue) => (issue.code === "invalid_union" ? "type must be one of http, tcp, dns, tls" : undefined),
  }),
);

export const fileCheckSchema = z
  .strictObject({
    slug: z.string().regex(/^[a-z0-9-_]*$/, { error: "may hold only a-z, 0-9, - and _" }).max(100).optional().describe("The check's slug (its name in ping URLs by slug). Left as the server has it when omitted."),
    desc: z.string().default("").describe("Description"),
    tags: z.array(z.string().regex(/^\S+$/, { error: "must be a list of tags without spaces" })).default([]),
    timeout: seconds(60).optional().describe("Simple check: seconds between pings (default 86400). Not with schedule or probe."),
    schedule: z.string().min(1).optional().describe('Cron check: a cron expression ("0 3 * * *") or OnCalendar schedule.'),
    tz: z.string().min(1).optional().describe("Time zone of the schedule (default UTC)."),
    grace: seconds(60).optional().describe("Grace time in seconds (default 3600; 60 for probe checks)."),
    probe: probeSchema.optional().describe("Active check: what the prober runs (http, tcp, dns, tls)."),
    channels: z.array(z.string().min(1)).default([]).describe("Names of the channels that notify for this check."),
    manual_resume: z.boolean().default(false),
    methods: z.enum(["", "POST"]).default(""),
  })
  .superRefine((c, ctx) => {
    const kinds = [c.timeout !== undefined && "timeout", c.schedule !== undefined && "schedule", c.probe !== undefined && "probe"].filter(Boolean);
    if (kinds.length > 1) ctx.addIssue({ code: "custom", path: [kinds[1] as string], message: `cannot be combined with ${kinds[0] as string}` });
    if (c.tz !== undefined && c.schedule === undefined) ctx.addIssue({ code: "custom", path: ["tz"], message: "needs a schedule" });
  });

export const fileChannelSchema = z.strictObject({
  kind: z.string({ error: "is required (email, webhook, slack…)" }).min(1),
  value: z.string().optional().describe("Shorthand for config.value (an email address, a URL…)."),
  config: z.record(z.string(), z.unknown()).optional().describe("The kind's settings, as the channels API takes them."),
  notify_degraded: z.boolean().default(false),
});

export const fileComponentSchema = z.strictObject({
  check: z.string({ error: "is required (a check's name)" }).min(1).describe("The check's name."),
  name: z.string().optional().describe("Shown name (default: the check's name)."),
  description: z.string().default(""),
  group: z.string().default(""),
});

export const filePageSchema = z.strictObject({
  title: z.string({ error: "is required" }).min(1),
  description: z.string().default(""),
  logo_url: z.string().default(""),
  theme: z.enum(["system", "light", "dark"]).default("system"),
  time_zone: z.string().default("UTC"),
  access: z.enum(["public", "password", "members"]).default("public"),
  password: z.string().optional().describe("For access: password; sent when the page is created or its access changes, never compared."),
  custom_domain: z.string().nullable().default(null),
  auto_incidents: z.boolean().default(false),
  components: z.array(fileComponentSchema).default([]),
});

const NAME = /^\S(.*\S)?$/;
const names = <T extends z.ZodType>(value: T, what: string) =>
  z.record(z.string().regex(NAME, { error: `${what} names must not start or end with spaces` }).max(100, { error: `${what} names have at most 100 characters` }), value).default({});

export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    checks: names(fileCheckSchema, "check").describe("Checks by name."),
    channels: names(fileChannelSchema, "channel").describe("Channels (integrations) by name."),
    status_pages: z
      .record(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, { error: "status page slugs are lowercase letters, digits and hyphens" }), filePageSchema)
      .default({})
      .describe("Status pages by slug."),
  })
  .describe("Vigil checks as code (vigil plan / vigil apply)");

export type ConfigFile = z.output<typeof configFileSchema>;
export type FileCheck = z.output<typeof fileCheckSchema>;
export type FileChannel = z.output<typeof fileChannelSchema>;
export type FilePage = z.output<typeof filePageSchema>;
export type FileProbe = z.output<typeof probeSchema>;

/** The JSON Schema of vigil.yml (what `vigil schema` prints), in the input's shape: defaults are optional. */
export function getConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configFileSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return { ...schema, $id: "https://vigil.dev/schemas/vigil.yml.json", title: "vigil.yml" };
}
