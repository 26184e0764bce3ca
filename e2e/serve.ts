// Playwright's webServer: a fresh SQLite database, a loopback SMTP sink that saves every mail
// as JSON in E2E_MAIL_DIR (tests read magic links and invites from there), a loopback HTTP
// stand-in for webhook targets (requests saved in E2E_HOOK_DIR), then `vigil start` itself.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { E2E } from "./env";

fs.rmSync(E2E.dataDir, { recursive: true, force: true });
for (const dir of [E2E.dataDir, E2E.mailDir, E2E.hookDir]) fs.mkdirSync(dir, { recursive: true });

let seq = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const record = { to, subject: mail.subject ?? "", text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "" };
        fs.writeFileSync(path.join(E2E.mailDir, `${Date.now()}-${seq++}.json`), JSON.stringify(record));
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(E2E.smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
      const record = { method: req.method, url: req.url, headers: req.headers, body };
      fs.writeFileSync(path.join(E2E.hookDir, `${Date.now()}-${seq++}.json`), JSON.stringify(record));
      res.end("ok");
    });
  })
  .listen(E2E.hookPort, "127.0.0.1");

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
