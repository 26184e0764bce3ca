// Compiles the `vigil` command (scripts/vigil.ts and the lib/ code it imports) into plain
// JavaScript in dist/, so production runs no TypeScript loader: tsx costs ~35 MB of heap and
// an esbuild service process in every `vigil` process. node_modules stay external (loaded
// from node_modules at run time, as under tsx). tsx stays for development and the tests.
//
// `node scripts/build-server.mjs` builds when a source is newer than the build;
// `--force` always builds. bin/vigil.mjs runs dist/ only while isServerBuildFresh() says so.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = path.join(root, "dist");
export const serverEntry = path.join(distDir, "vigil.js");
// The files the last build read (esbuild's metafile inputs), to tell when it went stale.
const inputsFile = path.join(distDir, "inputs.json");

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** True when dist/ holds a build newer than every file it was built from (and than package.json). */
export function isServerBuildFresh() {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(inputsFile, "utf8"));
  } catch {
    return false;
  }
  const built = mtime(inputsFile);
  if (!Number.isFinite(built) || mtime(serverEntry) === Infinity) return false;
  return [...inputs, "package.json"].every((file) => mtime(path.join(root, file)) <= built);
}

// prisma/run-prisma.mjs is plain JavaScript that runs as a CLI when it is the main module; bundled
// into dist/vigil.mjs that test would see the bundle. Imported from dist/ instead, by the same
// relative path (dist/ is one level below the root, like lib/).
const keepRunPrismaExternal = {
  name: "keep-run-prisma-external",
  setup(build) {
    build.onResolve({ filter: /\/run-prisma\.mjs$/ }, () => ({ path: "../prisma/run-prisma.mjs", external: true }));
  },
};

/** Builds dist/ with esbuild; returns the number of source files bundled. */
export async function buildServer() {
  const { build } = await import("esbuild");
  // Built beside dist/ and swapped in, so a `vigil` process starting meanwhile finds either the
  // old build or none (and then uses tsx), never a half-written one.
  const staging = `${distDir}-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { vigil: "scripts/vigil.ts" },
    outdir: staging,
    bundle: true,
    // Code loaded with `await import()` (Next's handler, transports' SDK glue) stays in its own
    // chunk, loaded on first use as under tsx.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // Chunks sit directly in dist/, one level below the root like lib/ and prisma/, so
    // prisma/run-prisma.mjs (bundled) still finds the root from import.meta.url.
    chunkNames: "[name]-[hash]",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
    plugins: [keepRunPrismaExternal],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith("node_modules/"));
  fs.writeFileSync(path.join(staging, path.basename(inputsFile)), JSON.stringify(inputs));
  const old = `${distDir}-old-${process.pid}`;
  if (fs.existsSync(distDir)) fs.renameSync(distDir, old);
  fs.renameSync(staging, distDir);
  fs.rmSync(old, { recursive: true, force: true });
  return inputs.length;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--force") || !isServerBuildFresh()) {
    const started = Date.now();
    const n = await buildServer();
    console.log(`Built the server (${n} files) into dist/ in ${Date.now() - started} ms.`);
  }
}
