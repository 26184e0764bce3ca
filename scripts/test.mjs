// `npm test`: type-check, then the whole suite (unit, ping/API on SQLite and PostgreSQL, SMTP and
// webhook round trips on loopback). Ends with our plain "N passed, M failed" line.
import path from "node:path";
import { bootstrap, quietEnv, root, run } from "./bootstrap.mjs";

bootstrap();
run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", root], quietEnv);
run(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", ...process.argv.slice(2)], quietEnv);
