// Every integration kind set up from its own page in the browser, then "Send test notification"
// through the real transport to the loopback stand-ins of serve.ts (HTTP services, signal-cli,
// SMTP, the shell). One account for the whole file: sign-ups are rate-limited per client IP.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E, SERVICES } from "./env";
import { type HookRequest, hookRequests, projectCodeOf, screenshot, signUp, uniqueEmail, waitForHookRequests, waitForHydration, waitForMail } from "./helpers";

const HOOK = `http://127.0.0.1:${E2E.hookPort}`;

let page: Page;
let projectCode: string;
let ownerEmail: string;

// Kept for the server's lifetime (serve.ts empties dataDir): after a failed test Playwright
// starts a new worker, which signs in with this instead of spending another sign-up.
const sessionFile = path.join(E2E.dataDir, "channel-kinds-session.json");

test.beforeAll(async ({ browser }) => {
  const saved = fs.existsSync(sessionFile)
    ? (JSON.parse(fs.readFileSync(sessionFile, "utf8")) as { email: string; project: string; storageState: string })
    : null;
  const context = await browser.newContext({ baseURL: E2E.baseUrl, storageState: saved ? saved.storageState : undefined });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  page = await context.newPage();
  if (saved) {
    ownerEmail = saved.email;
    projectCode = saved.project;
    return;
  }
  ownerEmail = uniqueEmail("kinds");
  await signUp(page, ownerEmail);
  projectCode = projectCodeOf(page);
  const storageState = path.join(E2E.dataDir, "channel-kinds-storage.json");
  await context.storageState({ path: storageState });
  fs.writeFileSync(sessionFile, JSON.stringify({ email: ownerEmail, project: projectCode, storageState }));
});

test.afterAll(async () => {
  await page.context().close();
});

let markerSeq = 0;
/** Letters and digits no other test uses, to tell this test's requests and channels apart. */
function newMarker(): string {
  return `${Date.now().toString(36)}${(markerSeq++).toString(36)}`;
}

/** A phone number no other test uses (E.164: +1555 and 7 digits). */
function newPhone(): string {
  return `+1555${String(Date.now() + markerSeq++).slice(-7)}`;
}

const integrationsPath = () => `/projects/${projectCode}/integrations`;

/** From the integrations list, "Add <label> integration": ends on the hydrated add page. */
async function openAddPage(label: string): Promise<void> {
  await page.goto(integrationsPath());
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: `Add ${label} integration`, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Add ${label} integration`, level: 1 })).toBeVisible();
  await waitForHydration(page);
}

/** Names the channel, saves, and returns its card on the integrations list. */
async function saveAs(name: string): Promise<Locator> {
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByRole("button", { name: "Save integration" }).click();
  return expectSaved(name);
}

async function expectSaved(name: string): Promise<Locator> {
  await expect(page).toHaveURL(/\/integrations\?saved=[0-9a-f-]{36}/);
  await expect(page.getByRole("status").filter({ hasText: "Integration saved." })).toBeVisible();
  await waitForHydration(page);
  return page.getByRole("article", { name: new RegExp(`^${name} `) });
}

/** The destination lines the card shows under the channel's name. */
function summaryOf(card: Locator): Locator {
  return card.locator("header li");
}

async function sendTest(card: Locator): Promise<void> {
  await card.getByRole("button", { name: "Send test notification" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Test notification sent." })).toBeVisible();
  await expect(card).toContainText("— delivered");
}

function json(r: HookRequest): Record<string, unknown> {
  return JSON.parse(r.body) as Record<string, unknown>;
}

function form(r: HookRequest): URLSearchParams {
  return new URLSearchParams(r.body);
}

interface KindCase {
  kind: string;
  /** As in "Add <label> integration". */
  label: string;
  /** Fills the kind's fields with valid values built from the marker (or phone). */
  fill(m: string, phone: string): Promise<void>;
  /** The card's destination line. */
  summary(m: string, phone: string): string;
  /** The test notification's request at the stand-in. */
  request(m: string, phone: string): { what: string; match: (r: HookRequest) => boolean };
  /** More about that request. */
  verify?(r: HookRequest, m: string, phone: string): void;
}

const fillField = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);

/** The chat and incident kinds whose one setting is a URL, each pointed at its own stand-in path. */
function urlCase(kind: string, label: string, fieldLabel: string, url: (m: string) => string, summary: (m: string) => string, verify: KindCase["verify"]): KindCase {
  return {
    kind,
    label,
    fill: (m) => fillField(fieldLabel, url(m)),
    summary,
    request: (m) => {
      const { pathname, search } = new URL(url(m));
      return { what: `POST ${pathname}${search}`, match: (r) => r.method === "POST" && r.url === `${pathname}${search}` };
    },
    verify,
  };
}

const CASES: KindCase[] = [
  urlCase(
    "slack",
    "Slack",
    "Webhook URL",
    (m) => `${HOOK}/slack/T0000/B0000/${m}`,
    () => `${HOOK}/slack/T0000/B0000/…`,
    (r) => expect(json(r)).toMatchObject({ attachments: [expect.objectContaining({ color: expect.any(String) })] }),
  ),
  urlCase(
    "mattermost",
    "Mattermost",
    "Webhook URL",
    (m) => `${HOOK}/mattermost/hooks/${m}`,
    () => `${HOOK}/mattermost/hooks/…`,
    (r) => expect(r.body).toContain("TEST"),
  ),
  urlCase(
    "rocketchat",
    "Rocket.Chat",
    "Webhook URL",
    (m) => `${HOOK}/rocketchat/hooks/e2e/${m}`,
    () => `${HOOK}/rocketchat/hooks/e2e/…`,
    (r) => expect(r.body).toContain("TEST"),
  ),
  {
    kind: "discord",
    label: "Discord",
    fill: (m) => fillField("Webhook URL", `https://discord.com/api/webhooks/123456789012345678/${m}`),
    summary: () => "https://discord.com/api/webhooks/123456789012345678/…",
    // discord.js posts the Slack-format message to DISCORD_API_URL, whatever host the URL names.
    request: (m) => {
      const url = `/discord/api/v10/webhooks/123456789012345678/${m}/slack?wait=true`;
      return { what: `POST ${url}`, match: (r) => r.method === "POST" && r.url === url };
    },
    verify: (r) => expect(r.body).toContain("TEST"),
  },
  urlCase(
    "msteamsw",
    "Microsoft Teams",
    "Workflow URL",
    (m) => `${HOOK}/teams/workflows/${m}/triggers/manual/paths/invoke?api-version=2016-06-01&sig=e2e`,
    (m) => `${HOOK}/teams/workflows/${m}/triggers/manual/paths/…?…`,
    (r) => expect(r.body).toContain("AdaptiveCard"),
  ),
  urlCase(
    "googlechat",
    "Google Chat",
    "Webhook URL",
    (m) => `${HOOK}/googlechat/v1/spaces/${m}/messages?key=k&token=t`,
    (m) => `${HOOK}/googlechat/v1/spaces/${m}/…?…`,
    (r) => expect(json(r)).toHaveProperty("cardsV2"),
  ),
  urlCase(
    "victorops",
    "Splunk On-Call",
    "REST endpoint URL",
    (m) => `${HOOK}/victorops/alert/${m}/routing`,
    (m) => `${HOOK}/victorops/alert/${m}/…`,
    (r) => expect(json(r)).toMatchObject({ message_type: "CRITICAL" }),
  ),
  urlCase(
    "pagertree",
    "PagerTree",
    "Integration URL",
    (m) => `${HOOK}/pagertree/integration/${m}`,
    () => `${HOOK}/pagertree/integration/…`,
    (r) => expect(json(r)).toMatchObject({ event_type: "trigger" }),
  ),
  urlCase(
    "spike",
    "Spike.sh",
    "Webhook URL",
    (m) => `${HOOK}/spike/${m}/push-events`,
    (m) => `${HOOK}/spike/${m}/…`,
    (r) => expect(json(r)).toMatchObject({ status: "down" }),
  ),
  {
    kind: "ntfy",
    label: "ntfy",
    fill: async (m) => {
      await fillField("Topic", `e2e-${m}`);
      await fillField("Server", `${HOOK}/ntfy`);
      await page.getByLabel("Priority when a check goes down").selectOption("4");
      await fillField("Access token (optional)", `tk_${m}`);
    },
    summary: (m) => `${HOOK}/ntfy/e2e-${m}`,
    request: (m) => ({ what: `ntfy publish to e2e-${m}`, match: (r) => r.url === "/ntfy" && r.body.includes(`"e2e-${m}"`) }),
    verify: (r, m) => {
      expect(json(r)).toMatchObject({ topic: `e2e-${m}`, priority: 4 });
      expect(r.headers.authorization).toBe(`Bearer tk_${m}`);
    },
  },
  {
    kind: "po",
    label: "Pushover",
    fill: (m) => fillField("User or group key", `u${m}`.padEnd(30, "0")),
    summary: (m) => `User key u${m.slice(0, 3)}… (priority 0, up 0)`,
    request: (m) => ({
      what: "Pushover messages.json",
      match: (r) => r.url === "/pushover/1/messages.json" && form(r).get("user") === `u${m}`.padEnd(30, "0"),
    }),
    verify: (r) => {
      expect(form(r).get("token")).toBe(SERVICES.pushoverApiToken);
      expect(form(r).get("priority")).toBe("0");
    },
  },
  {
    kind: "pd",
    label: "PagerDuty",
    fill: (m) => fillField("Integration key", `pd${m}`),
    summary: (m) => `Integration key pd${m.slice(0, 2)}…`,
    request: (m) => ({
      what: "PagerDuty create_event.json",
      match: (r) => r.url === "/pd/generic/2010-04-15/create_event.json" && r.body.includes(`"pd${m}"`),
    }),
    verify: (r, m) => expect(json(r)).toMatchObject({ service_key: `pd${m}`, event_type: "trigger" }),
  },
  {
    kind: "opsgenie",
    label: "Opsgenie",
    fill: async (m) => {
      await fillField("API key", `og-${m}`);
      await page.getByLabel("Region").selectOption("eu");
    },
    summary: () => "EU region",
    request: (m) => ({ what: "Opsgenie /v2/alerts", match: (r) => r.url === "/opsgenie/v2/alerts" && r.headers.authorization === `GenieKey og-${m}` }),
    verify: (r) => expect(json(r)).toHaveProperty("alias"),
  },
  {
    kind: "gotify",
    label: "Gotify",
    fill: async (m) => {
      await fillField("Server", `${HOOK}/gotify/${m}`);
      await fillField("Application token", `gt${m}`);
    },
    summary: (m) => `${HOOK}/gotify/${m}`,
    request: (m) => ({ what: `Gotify /gotify/${m}/message`, match: (r) => r.url === `/gotify/${m}/message?token=gt${m}` }),
    verify: (r) => expect(json(r)).toMatchObject({ priority: 5 }),
  },
  {
    kind: "pushbullet",
    label: "Pushbullet",
    fill: (m) => fillField("Access token", `o.${m}`),
    summary: () => "All devices of the account",
    request: (m) => ({ what: "Pushbullet /v2/pushes", match: (r) => r.url === "/pushbullet/v2/pushes" && r.headers["access-token"] === `o.${m}` }),
    verify: (r) => expect(json(r)).toMatchObject({ type: "note" }),
  },
  {
    kind: "sms",
    label: "SMS",
    fill: (_m, phone) => fillField("Phone number", phone),
    summary: (_m, phone) => `${phone} (down and up)`,
    request: (_m, phone) => ({
      what: `Twilio message to ${phone}`,
      match: (r) => r.url === `/twilio/2010-04-01/Accounts/${SERVICES.twilioAccount}/Messages.json` && form(r).get("To") === phone,
    }),
    verify: (r) => {
      expect(form(r).get("From")).toBe(SERVICES.twilioFrom);
      expect(form(r).get("Body")).toContain('The check "TEST" is DOWN');
    },
  },
  {
    kind: "whatsapp",
    label: "WhatsApp",
    fill: async (_m, phone) => {
      await fillField("Phone number", phone);
      await page.getByLabel("When a check comes back up").uncheck();
    },
    summary: (_m, phone) => `${phone} (down only)`,
    request: (_m, phone) => ({
      what: `Twilio WhatsApp message to ${phone}`,
      match: (r) => r.url === `/twilio/2010-04-01/Accounts/${SERVICES.twilioAccount}/Messages.json` && form(r).get("To") === `whatsapp:${phone}`,
    }),
    verify: (r) => expect(form(r).get("From")).toBe(`whatsapp:${SERVICES.twilioFrom}`),
  },
  {
    kind: "call",
    label: "Phone call",
    fill: (_m, phone) => fillField("Phone number", phone),
    summary: (_m, phone) => phone,
    request: (_m, phone) => ({
      what: `Twilio call to ${phone}`,
      match: (r) => r.url === `/twilio/2010-04-01/Accounts/${SERVICES.twilioAccount}/Calls.json` && form(r).get("To") === phone,
    }),
    verify: (r) => expect(form(r).get("Twiml")).toContain("The check &quot;TEST&quot; is down."),
  },
  {
    kind: "zulip",
    label: "Zulip",
    fill: async (m) => {
      await fillField("Bot email", `bot-${m}@zulip.example.org`);
      await fillField("Bot API key", `zk${m}`);
      await fillField("Zulip server", `${HOOK}/zulip`);
      await page.getByLabel("Post to").selectOption("stream");
      await fillField("Stream name, or the recipients' emails", `ops-${m}`);
      await fillField("Topic (optional)", "alerts");
    },
    summary: (m) => `Stream ops-${m}, topic alerts`,
    request: (m) => ({ what: "Zulip /api/v1/messages", match: (r) => r.url === "/zulip/api/v1/messages" && form(r).get("to") === `ops-${m}` }),
    verify: (r, m) => {
      expect(form(r).get("type")).toBe("stream");
      expect(form(r).get("topic")).toBe("alerts");
      expect(r.headers.authorization).toBe(`Basic ${Buffer.from(`bot-${m}@zulip.example.org:zk${m}`).toString("base64")}`);
    },
  },
  {
    kind: "matrix",
    label: "Matrix",
    fill: (m) => fillField("Room id or address", `#ops-${m}:example.org`),
    // Saving made the bot join the room; the room id the homeserver resolved the alias to is kept.
    summary: () => SERVICES.matrixJoinedRoom,
    request: () => ({
      what: "Matrix room message",
      match: (r) =>
        r.method === "PUT" &&
        r.url.startsWith(`/matrix/_matrix/client/v3/rooms/${encodeURIComponent(SERVICES.matrixJoinedRoom)}/send/m.room.message/`),
    }),
    verify: (r, m) => {
      expect(json(r)).toMatchObject({ msgtype: "m.text" });
      expect(r.headers.authorization).toBe(`Bearer ${SERVICES.matrixAccessToken}`);
      const joins = hookRequests().filter((j) => j.url === `/matrix/_matrix/client/v3/join/${encodeURIComponent(`#ops-${m}:example.org`)}`);
      expect(joins).toHaveLength(1);
    },
  },
  {
    kind: "signal",
    label: "Signal",
    fill: (m) => fillField("Phone number or username", `e2e${m}.01`),
    summary: (m) => `e2e${m}.01 (down and up)`,
    request: (m) => ({ what: "signal-cli send", match: (r) => r.url === "/signal-cli" && r.body.includes(`"u:e2e${m}.01"`) }),
    verify: (r) => {
      expect(json(r)).toMatchObject({ jsonrpc: "2.0", method: "send", params: { recipient: [expect.stringMatching(/^u:e2e/)] } });
      expect(r.body).toContain("TEST");
    },
  },
];

for (const c of CASES) {
  test(`sets up ${c.label} (${c.kind}) from its page and delivers a test notification to its stand-in`, async () => {
    const m = newMarker();
    const phone = newPhone();
    await openAddPage(c.label);
    await c.fill(m, phone);
    const card = await saveAs(`E2E ${c.kind} ${m}`);
    await expect(summaryOf(card)).toHaveText([c.summary(m, phone)]);
    await sendTest(card);
    const { what, match } = c.request(m, phone);
    const [request] = await waitForHookRequests(what, match);
    c.verify?.(request!, m, phone);
  });
}

test("sets up an email integration from its page and delivers a test notification by email", async () => {
  await openAddPage("Email");
  await page.getByLabel("Email address").fill(ownerEmail);
  const card = await saveAs(`E2E email ${newMarker()}`);
  await expect(summaryOf(card)).toHaveText([ownerEmail]);
  await sendTest(card);
  const mail = await waitForMail(ownerEmail, /^DOWN \| TEST$/);
  expect(mail.text).toContain("TEST");
});

test("sets up a webhook integration from its page and delivers a test notification to it", async () => {
  const m = newMarker();
  await openAddPage("Webhook");
  const up = page.getByRole("group", { name: "When a check goes back up" });
  await up.getByLabel("Method").selectOption("PUT");
  await up.getByLabel("URL").fill(`${HOOK}/webhook/${m}/up`);
  await up.getByLabel("Request body").fill("$NAME is $STATUS");
  const card = await saveAs(`E2E webhook ${m}`);
  await expect(summaryOf(card)).toHaveText([`Up: PUT ${HOOK}/webhook/${m}/up`]);
  // A channel that only sends "up" is tested with an up event.
  await sendTest(card);
  const [request] = await waitForHookRequests(`PUT /webhook/${m}/up`, (r) => r.url === `/webhook/${m}/up`);
  expect(request).toMatchObject({ method: "PUT", body: "TEST is up" });
});

test("sets up a shell command from its page and runs it for a test notification", async () => {
  const m = newMarker();
  const out = path.join(E2E.shellDir, `${m}.txt`);
  await openAddPage("Shell Command");
  await fillField("Command when a check goes down", `echo $STATUS $NAME > ${out}`);
  const card = await saveAs(`E2E shell ${m}`);
  await expect(summaryOf(card)).toHaveText([`Down: echo $STATUS $NAME > ${out}`]);
  await sendTest(card);
  expect(fs.readFileSync(out, "utf8")).toBe("down TEST\n");
});

test("connects a Telegram chat through the bot's /start link and delivers a test notification to it", async () => {
  const m = newMarker();
  const chat = { id: -100_000_000 - markerSeq, type: "group", title: `E2E Ops ${m}` };
  await openAddPage("Telegram");
  await expect(page.locator("code", { hasText: `/start@${SERVICES.telegramBotName}` })).toBeVisible();

  // Telegram delivers the /start message to the bot's webhook; the bot answers with a link.
  const update = { update_id: 1, message: { message_id: 1, date: 0, text: `/start@${SERVICES.telegramBotName}`, chat } };
  const res = await page.request.post(`${E2E.baseUrl}/integrations/telegram/bot/`, { data: update });
  expect(res.status()).toBe(200);
  const sendPath = `/telegram/bot${SERVICES.telegramToken}/sendMessage`;
  const [reply] = await waitForHookRequests("the bot's reply to /start", (r) => r.url === sendPath && json(r).chat_id === chat.id);
  const link = /href="([^"]+)"/.exec(String(json(reply!).text))?.[1]?.replaceAll("&amp;", "&");
  expect(link).toMatch(new RegExp(`^${E2E.baseUrl}/integrations/add/telegram/\\?token=`));

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Connect a Telegram chat" })).toBeVisible();
  await expect(page.getByText(`the group “E2E Ops ${m}”`)).toBeVisible();
  // This page has no app shell (no #main): wait for React on the form itself.
  await page.waitForFunction(() => {
    const el = document.querySelector("form");
    return el !== null && Object.keys(el).some((key) => key.startsWith("__reactProps$"));
  });
  await page.getByRole("combobox", { name: "Project" }).selectOption(projectCode);
  await page.getByRole("button", { name: "Connect Telegram chat" }).click();
  const card = await expectSaved(`E2E Ops ${m}`);
  await expect(summaryOf(card)).toHaveText([`E2E Ops ${m} (group)`]);

  await sendTest(card);
  const sent = await waitForHookRequests("the test message", (r) => r.url === sendPath && json(r).chat_id === chat.id, 2);
  expect(json(sent[1]!)).toMatchObject({ parse_mode: "HTML", text: expect.stringContaining("TEST") });
});

test("shows the inline error for invalid settings and saves nothing", async () => {
  const invalid: { label: string; fill: () => Promise<void>; error: string }[] = [
    { label: "Slack", fill: () => fillField("Webhook URL", "hooks.slack.com/services/x"), error: "Enter the full webhook URL, starting with https://." },
    { label: "Discord", fill: () => fillField("Webhook URL", ""), error: "Paste the webhook URL." },
    { label: "ntfy", fill: () => fillField("Topic", "not a topic!"), error: "May contain only letters, digits, - and _." },
    {
      label: "Pushover",
      fill: () => fillField("User or group key", "short"),
      error: "Must start with a Pushover user or group key (30 letters and digits).",
    },
    { label: "SMS", fill: () => fillField("Phone number", "12345"), error: "Must be a phone number in international format, e.g. +15551234567." },
    {
      label: "WhatsApp",
      fill: async () => {
        await fillField("Phone number", newPhone());
        await page.getByLabel("When a check goes down").uncheck();
        await page.getByLabel("When a check comes back up").uncheck();
      },
      error: "Choose at least one event to be notified about.",
    },
    { label: "Shell Command", fill: () => fillField("Command when a check goes down", ""), error: "Enter a command for the down event, the up event, or both." },
    { label: "Zulip", fill: () => fillField("Zulip server", "https://zulip.example.org"), error: "Enter the bot email." },
    { label: "Matrix", fill: () => fillField("Room id or address", "ops"), error: "Must be a room id (!id:server) or alias (#name:server)." },
  ];
  for (const { label, fill, error } of invalid) {
    await openAddPage(label);
    await fill();
    await page.getByRole("button", { name: "Save integration" }).click();
    await expect(page.getByRole("alert").filter({ hasText: error })).toBeVisible();
    await expect(page).toHaveURL(/\/integrations\/add\//);
  }
});

// "Add to Slack" and "Connect Discord": the browser never reaches slack.com or discord.com. The
// authorize page is answered by page.route with the redirect back that the service would send
// (the code, and the state taken from the authorize URL, or changed for the tampering tests);
// the stand-in answers the code exchange like the service does (stand-in.ts).
interface OAuthCase {
  kind: "slack" | "discord";
  label: string;
  button: string;
  authorize: string;
  /** What the integrations list shows for the channel the stand-in's answer creates. */
  summary(code: string): string;
  exchangePath: string;
  /** Where the test notification of that channel goes. */
  deliveryPath(code: string): string;
  authorizeParams: Record<string, string>;
  errors: { state: string; exchange: string; denied: string };
}

const OAUTH_CASES: OAuthCase[] = [
  {
    kind: "slack",
    label: "Slack",
    button: "Add to Slack",
    authorize: "https://slack.com/oauth/v2/authorize",
    summary: () => "E2E Workspace / #e2e-alerts",
    exchangePath: "/slack-api/oauth.v2.access",
    deliveryPath: (code) => `/slack-oauth-hook/T0E2E/B0E2E/${code}`,
    authorizeParams: { scope: "incoming-webhook", client_id: SERVICES.slackClientId },
    errors: {
      state: "The Slack setup link expired or is not valid. Please start again with “Add to Slack”.",
      exchange: "Received an unexpected response from Slack. The integration was not added.",
      denied: "The Slack integration was not added: access was not granted in Slack.",
    },
  },
  {
    kind: "discord",
    label: "Discord",
    button: "Connect Discord",
    authorize: "https://discord.com/api/oauth2/authorize",
    summary: () => "https://discord.com/api/webhooks/987654321987654321/…",
    exchangePath: "/discord/api/oauth2/token",
    deliveryPath: (code) => `/discord/api/v10/webhooks/987654321987654321/${code}/slack?wait=true`,
    authorizeParams: { response_type: "code", scope: "webhook.incoming", client_id: SERVICES.discordClientId },
    errors: {
      state: "The Discord setup link expired or is not valid. Please start again with “Connect Discord”.",
      exchange: "Received an unexpected response from Discord. The integration was not added.",
      denied: "The Discord integration was not added: access was not granted in Discord.",
    },
  },
];

/**
 * Presses the OAuth button on the kind's add page; the service's authorize page answers at once
 * with a redirect to the redirect_uri carrying `answer(authorizeUrl)` as its query. Returns the
 * authorize URL the browser was sent to.
 */
async function authorizeWith(c: OAuthCase, answer: (authorize: URL) => Record<string, string>): Promise<URL> {
  let authorize: URL | undefined;
  const pattern = `${new URL(c.authorize).origin}/**`;
  await page.route(pattern, async (route) => {
    authorize = new URL(route.request().url());
    const back = new URL(authorize.searchParams.get("redirect_uri") ?? `${E2E.baseUrl}/`);
    for (const [k, v] of Object.entries(answer(authorize))) back.searchParams.set(k, v);
    await route.fulfill({ status: 302, headers: { Location: back.toString() } });
  });
  try {
    await openAddPage(c.label);
    await page.getByRole("link", { name: c.button, exact: true }).click();
    await expect(page).not.toHaveURL(new RegExp(`/integrations/add/${c.kind}$`));
    await expect.poll(() => authorize?.toString() ?? "").toMatch(/^https:/);
  } finally {
    await page.unroute(pattern);
  }
  return authorize!;
}

for (const c of OAUTH_CASES) {
  test(`adds ${c.label} through its OAuth flow and delivers a test notification to the webhook it returned`, async () => {
    const code = `e2e-${c.kind}-${newMarker()}`;
    const authorize = await authorizeWith(c, (url) => ({ code, state: url.searchParams.get("state") ?? "" }));
    expect(`${authorize.origin}${authorize.pathname}`).toBe(c.authorize);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      ...c.authorizeParams,
      redirect_uri: `${E2E.baseUrl}/integrations/add_${c.kind}_complete/`,
      state: expect.stringMatching(/^[\w-]{16,}$/),
    });

    await expect(page).toHaveURL(/\/integrations\?saved=[0-9a-f-]{36}/);
    await expect(page.getByRole("status").filter({ hasText: "Integration saved." })).toBeVisible();
    await waitForHydration(page);
    const [exchange] = await waitForHookRequests(`the code exchange at ${c.exchangePath}`, (r) => r.url === c.exchangePath && form(r).get("code") === code);
    expect(exchange!.method).toBe("POST");
    expect(form(exchange!).get("redirect_uri")).toBe(`${E2E.baseUrl}/integrations/add_${c.kind}_complete/`);
    if (c.kind === "discord") expect(form(exchange!).get("grant_type")).toBe("authorization_code");

    const card = page.getByRole("article").filter({ has: page.locator("header li", { hasText: c.summary(code) }) });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(c.label);
    await sendTest(card);
    await waitForHookRequests(`the test message to ${c.deliveryPath(code)}`, (r) => r.method === "POST" && r.url === c.deliveryPath(code));

    // Renaming it on its edit page (which shows the webhook URL) keeps what OAuth stored.
    await card.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByRole("heading", { name: `Edit ${c.label} integration`, level: 1 })).toBeVisible();
    await waitForHydration(page);
    await expect(page.getByLabel("Webhook URL")).not.toHaveValue("");
    const name = `E2E OAuth ${c.kind} ${newMarker()}`;
    await page.getByLabel("Name (optional)").fill(name);
    await page.getByRole("button", { name: "Save changes" }).click();
    const renamed = await expectSaved(name);
    await expect(summaryOf(renamed)).toHaveText([c.summary(code)]);
  });

  test(`explains a tampered, denied or failed ${c.label} OAuth answer on the add page and adds nothing`, async () => {
    await page.goto(integrationsPath());
    const cards = await page.getByRole("article").count();

    const tampered = `e2e-${c.kind}-${newMarker()}`;
    await authorizeWith(c, (url) => ({ code: tampered, state: `${url.searchParams.get("state")}x` }));
    await expect(page).toHaveURL(new RegExp(`/integrations/add/${c.kind}\\?oauth_error=state$`));
    await expect(page.getByRole("alert").filter({ hasText: c.errors.state })).toBeVisible();

    await authorizeWith(c, (url) => ({ error: "access_denied", state: url.searchParams.get("state") ?? "" }));
    await expect(page).toHaveURL(new RegExp(`/integrations/add/${c.kind}\\?oauth_error=denied$`));
    await expect(page.getByRole("alert").filter({ hasText: c.errors.denied })).toBeVisible();

    // The stand-in refuses codes starting with "bad", as the service does an expired one.
    const refused = `bad-${newMarker()}`;
    await authorizeWith(c, (url) => ({ code: refused, state: url.searchParams.get("state") ?? "" }));
    await expect(page).toHaveURL(new RegExp(`/integrations/add/${c.kind}\\?oauth_error=exchange$`));
    await expect(page.getByRole("alert").filter({ hasText: c.errors.exchange })).toBeVisible();
    await waitForHookRequests("the refused code exchange", (r) => r.url === c.exchangePath && form(r).get("code") === refused);

    // Only a matching state reaches the service: the tampered code was never exchanged.
    expect(hookRequests().filter((r) => r.url === c.exchangePath && form(r).get("code") === tampered)).toHaveLength(0);
    // Without the state cookie (each answer above cleared it) the callback says so in plain text.
    const direct = await page.request.get(`${E2E.baseUrl}/integrations/add_${c.kind}_complete/?code=x&state=y`);
    expect(direct.status()).toBe(400);
    expect(await direct.text()).toContain(`The ${c.label} setup link expired or is not valid.`);

    await page.goto(integrationsPath());
    await expect(page.getByRole("article")).toHaveCount(cards);
  });
}

test("sets up a group from its pick-list of the project's integrations and passes a test notification on to each member", async () => {
  const m = newMarker();
  const members = ["a", "b"].map((x) => ({ name: `E2E member-${x} ${m}`, path: `/mattermost/hooks/${x}-${m}` }));
  for (const member of members) {
    await openAddPage("Mattermost");
    await fillField("Webhook URL", `${HOOK}${member.path}`);
    await saveAs(member.name);
  }

  await openAddPage("Group");
  await screenshot(page, "add-group");
  await page.getByRole("button", { name: "Save integration" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose at least one integration." })).toBeVisible();
  await expect(page).toHaveURL(/\/integrations\/add\/group$/);

  for (const member of members) await page.getByRole("checkbox", { name: new RegExp(`^${member.name}`) }).check();
  const card = await saveAs(`E2E group ${m}`);
  await expect(summaryOf(card)).toHaveText(["2 integrations"]);
  await sendTest(card);
  for (const member of members) {
    const [request] = await waitForHookRequests(`the member's message at ${member.path}`, (r) => r.url === member.path);
    expect(request!.body).toContain("TEST");
  }
  // The list with every kind set up above, as a CI artifact.
  await screenshot(page, "integrations-every-kind");
});
