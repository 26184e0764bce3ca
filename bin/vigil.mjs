#!/usr/bin/env node
// `npx vigil <command>`: runs scripts/vigil.ts through tsx's loader in this same process.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
process.env.CHECKPOINT_DISABLE ??= "1";
register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
await import(pathToFileURL(path.join(root, "scripts", "vigil.ts")).href);
