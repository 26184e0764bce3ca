import fs from "node:fs";
import path from "node:path";
import type { NextHandler } from "./create-front-server";

/** True when `next build` has produced a production build in `root`. */
export function hasNextBuild(root: string): boolean {
  return fs.existsSync(path.join(root, ".next", "BUILD_ID"));
}

/**
 * Next's request handler for everything that is not a ping or the API, on the same port as the
 * front server (Next's documented custom-server mode). Imported lazily: `vigil sendalerts` and
 * the tests never load Next.
 */
export async function loadNextHandler(root: string, port: number): Promise<NextHandler> {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  return (req, res) => handle(req, res);
}
