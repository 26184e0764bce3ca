// Playwright's webServer: a fresh SQLite database, a loopback SMTP sink that saves every mail
// as JSON in E2E.mailDir (tests read magic links and invites from there), a loopback HTTP
// stand-in for webhook targets and for every service with a fixed API (SERVICES in env.ts;
// requests saved in E2E.hookDir, answers in stand-in.ts), a signal-cli JSON-RPC stand-in
// (requests saved there too), then `vigil start` itself with every integration kind turned on.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E, SERVICES } from "./env";
import { answerStandInRequest } from "./stand-in";

fs.rmSync(E2E.dataDir, { recursive: true, force: true });
for (const dir of [E2E.dataDir, E2E.mailDir, E2E.hookDir, E2E.shellDir]) fs.mkdirSync(dir, { recursive: true });

let seq = 0;
// Padded so that a directory listing sorts in arrival order (helpers.ts reads them sorted).
const nextFileName = () => `${Date.now()}-${String(seq++).padStart(6, "0")}.json`;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const record = { to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "" };
        fs.writeFileSync(path.join(E2E.mailDir, nextFileName()), JSON.stringify(record));
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(E2E.smtpPort, "127.0.0.1");

const hookOrigin = `http://127.0.0.1:${E2E.hookPort}`;
http
  .createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      const record = { method: req.method, url: req.url, headers: req.headers, body };
      fs.writeFileSync(path.join(E2E.hookDir, nextFileName()), JSON.stringify(record));
      const answer = answerStandInRequest(req.method ?? "GET", req.url ?? "/", body, hookOrigin);
      res.writeHead(answer.status, { "Content-Type": answer.contentType });
      res.end(answer.body);
    });
  })
  .listen(E2E.hookPort, "127.0.0.1");

// `signal-cli daemon --tcp`: one JSON-RPC request per line, recorded with url "/signal-cli".
net
  .createServer((conn) => {
    let buffer = "";
    conn.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let i: number;
      while ((i = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        fs.writeFileSync(path.join(E2E.hookDir, nextFileName()), JSON.stringify({ method: "JSON-RPC", url: "/signal-cli", headers: {}, body: line }));
        let id: unknown = null;
        try {
          id = (JSON.parse(line) as { id?: unknown }).id ?? null;
        } catch {
          conn.write(JSON.stringify({ jsonrpc: "2.0", error: { code: -32700, message: "Parse error" }, id: null }) + "\n");
          continue;
        }
        conn.write(JSON.stringify({ jsonrpc: "2.0", result: { results: [{ type: "SUCCESS" }], timestamp: 1 }, id }) + "\n");
      }
    });
    conn.on("error", () => conn.destroy());
  })
  .listen(E2E.signalPort, "127.0.0.1");

const child = spawn(process.execPath, [path.join(E2E.root, "bin", "vigil.mjs"), "start"], {
  cwd: E2E.root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(E2E.dataDir, "vigil.sqlite")}`,
    PORT: String(E2E.port),
    HOST: "127.0.0.1",
    SITE_ROOT: E2E.baseUrl,
    NEXTAUTH_URL: E2E.baseUrl,
    SECRET_KEY: "e2e-secret-key",
    EMAIL_HOST: "127.0.0.1",
    EMAIL_PORT: String(E2E.smtpPort),
    EMAIL_USE_TLS: "False",
    INTEGRATIONS_ALLOW_PRIVATE_IPS: "True",
    REGISTRATION_OPEN: "True",
    // Every integration kind on, each service pointed at the stand-ins above.
    SLACK_API_URL: SERVICES.slackApiUrl,
    SLACK_CLIENT_ID: SERVICES.slackClientId,
    SLACK_CLIENT_SECRET: SERVICES.slackClientSecret,
    DISCORD_API_URL: SERVICES.discordApiUrl,
    DISCORD_CLIENT_ID: SERVICES.discordClientId,
    DISCORD_CLIENT_SECRET: SERVICES.discordClientSecret,
    TELEGRAM_API_URL: SERVICES.telegramApiUrl,
    TELEGRAM_TOKEN: SERVICES.telegramToken,
    TELEGRAM_BOT_NAME: SERVICES.telegramBotName,
    TWILIO_API_URL: SERVICES.twilioApiUrl,
    TWILIO_ACCOUNT: SERVICES.twilioAccount,
    TWILIO_AUTH: "e2e-twilio-auth",
    TWILIO_FROM: SERVICES.twilioFrom,
    TWILIO_USE_WHATSAPP: "True",
    PUSHOVER_API_URL: SERVICES.pushoverApiUrl,
    PUSHOVER_API_TOKEN: SERVICES.pushoverApiToken,
    PUSHBULLET_API_URL: SERVICES.pushbulletApiUrl,
    PD_API_URL: SERVICES.pdApiUrl,
    OPSGENIE_API_URL: SERVICES.opsgenieApiUrl,
    MATRIX_HOMESERVER: SERVICES.matrixHomeserver,
    MATRIX_USER_ID: SERVICES.matrixUserId,
    MATRIX_ACCESS_TOKEN: SERVICES.matrixAccessToken,
    SIGNAL_CLI_SOCKET: `127.0.0.1:${E2E.signalPort}`,
    SHELL_ENABLED: "True",
  },
});
const stop = () => {
  child.kill("SIGTERM");
  smtp.close();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
