#!/usr/bin/env node
// `npx vigil <command>`, in this same process: the compiled server in dist/ when it is fresh
// (`npm start` builds it; so does `node scripts/build-server.mjs`), else scripts/vigil.ts
// through tsx's loader, so a checkout being edited always runs its current sources.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isServerBuildFresh, serverEntry } from "../scripts/build-server.mjs";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.CHECKPOINT_DISABLE ??= "1";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Relative file names on the command line (vigil check -c checkup.json) mean the caller's directory.
process.env.VIGIL_INVOCATION_DIR ??= process.cwd();
process.chdir(root);
if (isServerBuildFresh()) {
  await import(pathToFileURL(serverEntry).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(path.join(root, "scripts", "vigil.ts")).href);
}
