// `npm start`: install what is missing, build the web app when its sources changed, then run
// `vigil start` (migrate + web + pings + sendalerts [+ smtpd]) on SQLite unless DATABASE_URL says otherwise.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bootstrap, newest, quietEnv, root, run } from "./bootstrap.mjs";

bootstrap();
const buildId = path.join(root, ".next", "BUILD_ID");
const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (built < newest(["app", "components", "lib", "next.config.ts", "package.json"])) {
  console.log("Building the web app (next build)...");
  run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], quietEnv);
}
const child = spawn(process.execPath, [path.join(root, "bin", "vigil.mjs"), "start", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, ...quietEnv, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
