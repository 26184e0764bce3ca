// The only module that reads configuration. Every process (web, pings, sendalerts, smtpd, CLI)
// calls getEnv(), which parses once and fails fast with a message naming the bad variable.
// Names, defaults and parsing rules follow Healthchecks' hc/settings.py where one exists.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { config as loadDotenv } from "dotenv";

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "EnvError";
  }
}

type Source = Record<string, string | undefined>;

/** Reads NAME, or the contents of the file named by NAME_FILE (Healthchecks' envsecret). */
function secret(src: Source, name: string): string | undefined {
  const file = src[`${name}_FILE`];
  if (file) {
    try {
      return fs.readFileSync(file, "utf8").trim();
    } catch {
      throw new EnvError(`${name}_FILE`, `cannot read file ${file}`);
    }
  }
  return src[name];
}

// Healthchecks accepts only True, False or empty (= False) and refuses anything else.
function bool(src: Source, name: string, dflt: boolean): boolean {
  const v = src[name];
  if (v === undefined) return dflt;
  if (v === "True") return true;
  if (v === "False" || v === "") return false;
  throw new EnvError(name, `must be True or False, got "${v}"`);
}

function int(src: Source, name: string, dflt: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = src[name];
  if (v === undefined || v === "") return dflt;
  if (!/^\d+$/.test(v)) throw new EnvError(name, `must be a whole number, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new EnvError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function optionalInt(src: Source, name: string, min = 0, max = 65535): number | null {
  const v = src[name];
  if (v === undefined || v === "") return null;
  return int(src, name, 0, min, max);
}

function url(src: Source, name: string, dflt: string): string {
  const v = src[name] || dflt;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new EnvError(name, `must be an absolute URL, got "${v}"`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new EnvError(name, `must be an http or https URL, got "${v}"`);
  }
  return v.replace(/\/+$/, "");
}

function str(src: Source, name: string, dflt: string): string {
  const v = src[name];
  return v === undefined || v === "" ? dflt : v;
}

/**
 * REMOTE_USER_HEADER as a lowercase HTTP header name. Healthchecks spells it the Django way
 * (HTTP_X_AUTHENTICATED_USER); the plain form (X-Authenticated-User) is accepted too.
 */
function remoteUserHeader(src: Source): string | null {
  const v = src.REMOTE_USER_HEADER?.trim();
  if (!v) return null;
  const name = v.replace(/^HTTP_/i, "").replaceAll("_", "-").toLowerCase();
  if (!/^[a-z0-9-]+$/.test(name)) throw new EnvError("REMOTE_USER_HEADER", `must be a header name, got "${v}"`);
  return name;
}

// Published values: a server keyed with one of them has sessions anyone can forge. "---" is
// Healthchecks' default, "change-me" what .env.example shipped.
const EXAMPLE_SECRET_KEYS = new Set(["---", "change-me"]);
const SECRET_KEY_FILE_NAME = "secret_key";

/** The key kept in `file`; an empty or short one stops start-up naming SECRET_KEY. */
function readSecretKeyFile(file: string): string {
  const key = fs.readFileSync(file, "utf8").trim();
  if (key.length < 32) throw new EnvError("SECRET_KEY", `${file} does not hold a usable key (delete it to have a new one made)`);
  return key;
}

/**
 * SECRET_KEY when set; otherwise the key kept in `<data folder>/secret_key`, made with 256
 * random bits on first start (mode 0600). The file is written aside and hard-linked into
 * place, so processes starting together all end up with the one key that won.
 */
function secretKey(src: Source, dataDir: string, allowExample: boolean): string {
  const file = path.join(dataDir, SECRET_KEY_FILE_NAME);
  const value = secret(src, "SECRET_KEY");
  if (value) {
    if (!allowExample && EXAMPLE_SECRET_KEYS.has(value.trim())) {
      throw new EnvError("SECRET_KEY", `"${value.trim()}" is a published example value; set a long random value, or unset SECRET_KEY to have one kept in ${file}`);
    }
    return value;
  }
  try {
    if (fs.existsSync(file)) return readSecretKeyFile(file);
    fs.mkdirSync(dataDir, { recursive: true });
    const draft = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
    fs.writeFileSync(draft, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    } finally {
      fs.rmSync(draft, { force: true });
    }
    return readSecretKeyFile(file);
  } catch (err) {
    if (err instanceof EnvError) throw err;
    throw new EnvError("SECRET_KEY", `is not set and ${file} cannot be read or created (${(err as Error).message})`);
  }
}

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges of the reverse proxies whose
 * X-Forwarded-For entries are believed. Empty (the default) believes none.
 */
function trustedProxies(src: Source): string[] {
  const entries = (src.TRUSTED_PROXIES ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split("/");
    const family = net.isIP(address);
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
    if (!family || extra !== undefined || !validBits) {
      throw new EnvError("TRUSTED_PROXIES", `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)`);
    }
  }
  return entries;
}

function sqliteSynchronous(src: Source): "NORMAL" | "FULL" {
  const v = (src.SQLITE_SYNCHRONOUS || "NORMAL").toUpperCase();
  if (v !== "NORMAL" && v !== "FULL") throw new EnvError("SQLITE_SYNCHRONOUS", `must be NORMAL or FULL, got "${src.SQLITE_SYNCHRONOUS}"`);
  return v;
}

export type DatabaseKind = "sqlite" | "postgres";

function database(src: Source, root: string): { kind: DatabaseKind; url: string; sqlitePath: string | null } {
  const raw = secret(src, "DATABASE_URL") || `file:${path.join(root, "data", "vigil.sqlite")}`;
  if (/^postgres(ql)?:\/\//.test(raw)) return { kind: "postgres", url: raw, sqlitePath: null };
  if (raw.startsWith("file:")) {
    // Absolute path: Next's standalone server changes its working directory.
    const sqlitePath = path.resolve(root, raw.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
    return { kind: "sqlite", url: `file:${sqlitePath}`, sqlitePath };
  }
  throw new EnvError("DATABASE_URL", `must start with file: (SQLite) or postgres:// (PostgreSQL), got "${raw}"`);
}

/**
 * The configuration from `src`. `allowExampleSecretKey` is for tests that replay Healthchecks'
 * own fixtures, which are signed with its default key; a running server never gets it.
 */
export function parseEnv(src: Source, root = process.cwd(), { allowExampleSecretKey = false } = {}) {
  const db = database(src, root);
  // The data folder: next to the SQLite file, or ./data beside a PostgreSQL install.
  const dataDir = db.sqlitePath ? path.dirname(db.sqlitePath) : path.join(root, "data");
  const siteRoot = url(src, "SITE_ROOT", "http://localhost:8000");
  const pingEndpoint = src.PING_ENDPOINT ? url(src, "PING_ENDPOINT", "") + "/" : `${siteRoot}/ping/`;
  const bodyLimitRaw = src.PING_BODY_LIMIT;
  const pingBodyLimit = bodyLimitRaw === "None" ? null : int(src, "PING_BODY_LIMIT", 100000, 1);
  const emailUseSsl = bool(src, "EMAIL_USE_SSL", false);
  return {
    root,
    siteRoot,
    siteName: str(src, "SITE_NAME", "Vigil"),
    pingEndpoint,
    pingEmailDomain: str(src, "PING_EMAIL_DOMAIN", "localhost"),
    /** Bytes stored per ping body; null = unlimited (PING_BODY_LIMIT=None). */
    pingBodyLimit,
    registrationOpen: bool(src, "REGISTRATION_OPEN", true),
    /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed; [] = none. */
    trustedProxies: trustedProxies(src),
    /** Header (lowercase) in which a trusted proxy passes the signed-in user's email; null = off. */
    remoteUserHeader: remoteUserHeader(src),
    secretKey: secretKey(src, dataDir, allowExampleSecretKey),
    defaultFromEmail: str(src, "DEFAULT_FROM_EMAIL", "vigil@example.org"),
    email: {
      host: src.EMAIL_HOST || null,
      port: int(src, "EMAIL_PORT", emailUseSsl ? 465 : 587, 1, 65535),
      user: src.EMAIL_HOST_USER || "",
      password: secret(src, "EMAIL_HOST_PASSWORD") || "",
      useTls: bool(src, "EMAIL_USE_TLS", true),
      useSsl: emailUseSsl,
    },
    emailUseVerification: bool(src, "EMAIL_USE_VERIFICATION", true),
    /**
     * ADMIN_EMAILS: the accounts (lowercase emails) that administer this instance (the agents
     * page); [] = nobody, and the CLI on the server is the only way to manage agents.
     */
    adminEmails: (src.ADMIN_EMAILS || "").split(",").map((a) => a.trim().toLowerCase()).filter(Boolean),
    /** Comma-separated operator addresses for admin mail (e.g. Signal CAPTCHA requests); [] = none. */
    admins: (src.ADMINS || "").split(",").map((a) => a.trim()).filter(Boolean),
    /** Label of the project's all-checks badge. */
    masterBadgeLabel: str(src, "MASTER_BADGE_LABEL", src.SITE_NAME || "Vigil"),
    /** The per-project Prometheus endpoint (Healthchecks' PROMETHEUS_ENABLED); False → 404. */
    prometheusEnabled: bool(src, "PROMETHEUS_ENABLED", true),
    /** Protects Vigil's own operational /metrics; "" = that endpoint answers 404. */
    metricsKey: secret(src, "METRICS_KEY") || "",
    /** Port on which `vigil sendalerts` / `vigil smtpd` run alone serve /metrics; null = not served. */
    metricsPort: optionalInt(src, "METRICS_PORT"),
    /** Pings kept per check for new projects (each project can change its own limit). */
    pingLogLimit: int(src, "PING_LOG_LIMIT", 100, 1, 1000000),
    /** Days raw probe results are kept; hourly and daily rollups are kept 400 days. */
    probeResultDays: int(src, "PROBE_RESULT_DAYS", 7, 1, 3650),
    integrationsAllowPrivateIps: bool(src, "INTEGRATIONS_ALLOW_PRIVATE_IPS", false),
    /**
     * Whether active checks may connect to non-global addresses (the local network, loopback).
     * On by default, since watching internal services is a main reason to self-host; cloud
     * metadata addresses are refused either way.
     */
    probeAllowPrivate: bool(src, "PROBE_ALLOW_PRIVATE", true),
    /** Probes one process runs at the same time. */
    probeConcurrency: int(src, "PROBE_CONCURRENCY", 50, 1, 10000),
    webhooksEnabled: bool(src, "WEBHOOKS_ENABLED", true),
    slackEnabled: bool(src, "SLACK_ENABLED", true),
    /** Slack app credentials for "Add to Slack" (OAuth); both set = the button is offered. */
    slackClientId: str(src, "SLACK_CLIENT_ID", ""),
    slackClientSecret: secret(src, "SLACK_CLIENT_SECRET") || "",
    slackApiUrl: url(src, "SLACK_API_URL", "https://slack.com/api"),
    mattermostEnabled: bool(src, "MATTERMOST_ENABLED", true),
    rocketchatEnabled: bool(src, "ROCKETCHAT_ENABLED", true),
    msteamsEnabled: bool(src, "MSTEAMS_ENABLED", true),
    discordApiUrl: url(src, "DISCORD_API_URL", "https://discord.com/api"),
    /** Discord app credentials for the OAuth setup flow; both set = it is offered. */
    discordClientId: str(src, "DISCORD_CLIENT_ID", ""),
    discordClientSecret: secret(src, "DISCORD_CLIENT_SECRET") || "",
    /** Telegram bot token; "" turns Telegram off. */
    telegramToken: secret(src, "TELEGRAM_TOKEN") || "",
    telegramBotName: str(src, "TELEGRAM_BOT_NAME", "ExampleBot"),
    telegramApiUrl: url(src, "TELEGRAM_API_URL", "https://api.telegram.org"),
    /** The secret_token given to Telegram's setWebhook; when set, bot updates without it are refused. */
    telegramWebhookSecret: secret(src, "TELEGRAM_WEBHOOK_SECRET") || "",
    twilioAccount: str(src, "TWILIO_ACCOUNT", ""),
    twilioAuth: secret(src, "TWILIO_AUTH") || "",
    twilioFrom: str(src, "TWILIO_FROM", ""),
    twilioMessagingServiceSid: str(src, "TWILIO_MESSAGING_SERVICE_SID", ""),
    twilioUseWhatsapp: bool(src, "TWILIO_USE_WHATSAPP", false),
    twilioApiUrl: url(src, "TWILIO_API_URL", "https://api.twilio.com"),
    whatsappDownContentSid: str(src, "WHATSAPP_DOWN_CONTENT_SID", ""),
    whatsappUpContentSid: str(src, "WHATSAPP_UP_CONTENT_SID", ""),
    /** Sent to https://ntfy.sh for ntfy channels without their own token; "" = none. */
    ntfyShToken: secret(src, "NTFY_SH_TOKEN") || "",
    /** Pushover application token; "" turns Pushover off. */
    pushoverApiToken: secret(src, "PUSHOVER_API_TOKEN") || "",
    pushoverApiUrl: url(src, "PUSHOVER_API_URL", "https://api.pushover.net"),
    pushoverEmergencyRetryDelay: int(src, "PUSHOVER_EMERGENCY_RETRY_DELAY", 300, 30),
    pushoverEmergencyExpiration: int(src, "PUSHOVER_EMERGENCY_EXPIRATION", 86400, 1),
    pdEnabled: bool(src, "PD_ENABLED", true),
    pdApiUrl: url(src, "PD_API_URL", "https://events.pagerduty.com"),
    opsgenieEnabled: bool(src, "OPSGENIE_ENABLED", true),
    /** Replaces both https://api.opsgenie.com and https://api.eu.opsgenie.com; null = the public ones. */
    opsgenieApiUrl: src.OPSGENIE_API_URL ? url(src, "OPSGENIE_API_URL", "") : null,
    victoropsEnabled: bool(src, "VICTOROPS_ENABLED", true),
    pagertreeEnabled: bool(src, "PAGERTREE_ENABLED", true),
    spikeEnabled: bool(src, "SPIKE_ENABLED", true),
    pushbulletApiUrl: url(src, "PUSHBULLET_API_URL", "https://api.pushbullet.com"),
    zulipEnabled: bool(src, "ZULIP_ENABLED", true),
    /** Matrix homeserver base URL; Matrix is offered only when it, the user id and the token are set. */
    matrixHomeserver: src.MATRIX_HOMESERVER ? url(src, "MATRIX_HOMESERVER", "") : "",
    matrixUserId: str(src, "MATRIX_USER_ID", ""),
    matrixAccessToken: secret(src, "MATRIX_ACCESS_TOKEN") || "",
    /** Shell commands run on the server: off unless SHELL_ENABLED=True. */
    shellEnabled: bool(src, "SHELL_ENABLED", false),
    /** signal-cli's JSON-RPC socket: a UNIX socket path or host:port; "" turns Signal off. */
    signalCliSocket: str(src, "SIGNAL_CLI_SOCKET", ""),
    /** Absolute URL of the avatar chat messages show (Slack icon_url, Rocket.Chat avatar); null = none. */
    siteLogoUrl: src.SITE_LOGO_URL ? url(src, "SITE_LOGO_URL", "") : null,
    smtpdPort: optionalInt(src, "SMTPD_PORT"),
    smtpdHost: str(src, "SMTPD_HOST", "0.0.0.0"),
    port: int(src, "PORT", 8000, 0, 65535),
    host: str(src, "HOST", "0.0.0.0"),
    database: db,
    /** Pings waiting for the database beyond which new ones are answered 503 at once. */
    pingQueueLimit: int(src, "PING_QUEUE_LIMIT", 10000, 1),
    /** SQLite's synchronous level in WAL mode: NORMAL survives a killed process, FULL also a power loss. */
    sqliteSynchronous: sqliteSynchronous(src),
    nodeEnv: str(src, "NODE_ENV", "development"),
  };
}

export type Env = ReturnType<typeof parseEnv>;

let cached: Env | undefined;

// next-auth 4 reads its own base URL only from NEXTAUTH_URL (redirects after sign-in errors
// use it); deriving it from SITE_ROOT keeps SITE_ROOT the one setting.
function defaultNextAuthUrl(env: Env): void {
  process.env.NEXTAUTH_URL ||= `${env.siteRoot}/api/auth`;
}

/** The parsed configuration; throws EnvError naming the first bad variable. */
export function getEnv(): Env {
  if (!cached) {
    loadDotenv({ quiet: true });
    cached = parseEnv(process.env);
    defaultNextAuthUrl(cached);
  }
  return cached;
}

/**
 * Tests and the CLI change configuration in-process (e.g. DATABASE_URL per suite). Example
 * SECRET_KEY values pass here: tests replay Healthchecks' fixtures, signed with its default.
 */
export function setEnv(overrides: Source): Env {
  loadDotenv({ quiet: true });
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  cached = parseEnv(process.env, process.cwd(), { allowExampleSecretKey: true });
  defaultNextAuthUrl(cached);
  return cached;
}

/** Whether the account with this email is an instance administrator (ADMIN_EMAILS; case-insensitive). */
export function isInstanceAdmin(email: string | null | undefined): boolean {
  return typeof email === "string" && email !== "" && getEnv().adminEmails.includes(email.trim().toLowerCase());
}

/** Raw variables for child processes the CLI spawns (Prisma CLI, Next). */
/**
 * The directory `vigil` was started from (bin/vigil.mjs moves into the install before running),
 * where a command's relative file names are taken from: `vigil check -c checkup.json`.
 */
export function getInvocationDir(): string {
  return process.env.VIGIL_INVOCATION_DIR || process.cwd();
}

export function getProcessEnv(): NodeJS.ProcessEnv {
  return process.env;
}

/**
 * What `vigil agent` and `vigil check --store` read: the server, the agent's token and its
 * state folder. Kept apart from getEnv() on purpose: an agent runs on a machine without the
 * server's configuration (no database, no secret key, no .env of an install), so it must not
 * parse, let alone create, any of that. Empty strings mean "not set"; the CLI names what is missing.
 */
export function getAgentEnv(src: Source = process.env): { server: string; token: string; stateDir: string; probeAllowPrivate: boolean } {
  return {
    server: str(src, "VIGIL_SERVER", ""),
    token: secret(src, "VIGIL_AGENT_TOKEN") || "",
    stateDir: str(src, "VIGIL_AGENT_STATE", ""),
    probeAllowPrivate: bool(src, "PROBE_ALLOW_PRIVATE", true),
  };
}
