// Fixed loopback ports and folders shared by e2e/serve.ts (the server side) and the specs.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = 18640;
const hookPort = 18642;
const hook = `http://127.0.0.1:${hookPort}`;

export const E2E = {
  root,
  port,
  baseUrl: `http://127.0.0.1:${port}`,
  smtpPort: 18641,
  /** The recording HTTP stand-in for webhooks and every service with an API (serve.ts). */
  hookPort,
  /** The JSON-RPC stand-in for signal-cli's daemon (TCP, one request per line). */
  signalPort: 18643,
  dataDir: path.join(root, "test-results", "e2e-data"),
  mailDir: path.join(root, "test-results", "e2e-data", "mail"),
  hookDir: path.join(root, "test-results", "e2e-data", "hooks"),
  /** Where the shell integration's test commands write, so specs can read what ran. */
  shellDir: path.join(root, "test-results", "e2e-data", "shell"),
  screenshotDir: path.join(root, "test-results", "screenshots"),
};

/**
 * The services with a fixed public API, pointed at the stand-in (each under its own path so
 * specs can tell the requests apart), and the credentials that turn their kinds on.
 */
export const SERVICES = {
  slackApiUrl: `${hook}/slack-api`,
  slackClientId: "e2e-slack-client",
  slackClientSecret: "e2e-slack-secret",
  discordApiUrl: `${hook}/discord/api`,
  discordClientId: "e2e-discord-client",
  discordClientSecret: "e2e-discord-secret",
  telegramApiUrl: `${hook}/telegram`,
  telegramToken: "123456:e2e-telegram-token",
  telegramBotName: "VigilE2EBot",
  twilioApiUrl: `${hook}/twilio`,
  twilioAccount: "ACe2e00000000000000000000000000000",
  twilioFrom: "+15550000000",
  pushoverApiUrl: `${hook}/pushover`,
  pushoverApiToken: "e2e-pushover-app-token",
  pushbulletApiUrl: `${hook}/pushbullet`,
  pdApiUrl: `${hook}/pd`,
  opsgenieApiUrl: `${hook}/opsgenie`,
  matrixHomeserver: `${hook}/matrix`,
  matrixUserId: "@vigil-e2e:example.org",
  matrixAccessToken: "syt_e2e_token",
  /** The room id the stand-in's homeserver answers a join with. */
  matrixJoinedRoom: "!e2ejoined:example.org",
} as const;
