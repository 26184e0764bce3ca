// `npm start`: install what is missing, compile the server and build the web app when their
// sources changed, then run `vigil start` (migrate + web + pings + sendalerts [+ smtpd]) on
// SQLite unless DATABASE_URL says otherwise.
//
// The server runs in this very process (package.json starts it with `exec`, so npm's child is
// this process, not a shell): npm's SIGTERM/SIGINT reach the server directly and nothing is
// left behind when the wrapper is killed. Builds run as child processes that end before it.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bootstrap, newest, quietEnv, root, run } from "./bootstrap.mjs";
import { isServerBuildFresh, serverEntry } from "./build-server.mjs";

const args = process.argv.slice(2);
Object.assign(process.env, quietEnv);
bootstrap();

if (!isServerBuildFresh()) {
  console.log("Compiling the server (esbuild)...");
  // In a child process: esbuild's service and API would otherwise stay in the server's memory.
  run(process.execPath, [path.join(root, "scripts", "build-server.mjs"), "--force"]);
}

// The web app is only built when it will run.
if (!args.includes("--no-web-app")) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  if (built < newest(["app", "components", "lib", "next.config.mjs", "package.json", "tsconfig.json"])) {
    // next build installs missing TypeScript packages into the checkout (rewriting
    // package.json and package-lock.json) when it cannot find them; refuse instead.
    for (const pkg of ["typescript", "@types/react", "@types/node"]) {
      if (!fs.existsSync(path.join(root, "node_modules", pkg, "package.json"))) {
        console.error(`${pkg} is missing from node_modules: run \`npm install --include=dev\` (the web app's build needs it).`);
        process.exit(1);
      }
    }
    console.log("Building the web app (next build)...");
    run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
      ...quietEnv,
      NODE_ENV: "production",
    });
  }
}

process.env.NODE_ENV = "production";
process.chdir(root);
// What scripts/vigil.ts reads as its command line: `vigil start [options]`.
process.argv.splice(2, 0, "start");
await import(pathToFileURL(serverEntry).href);
