// Prisma CLI config for SQLite. Prisma 6.19.3 migrates through its Wasm schema engine here
// (engine "js"), because the native engine would be downloaded at run time and we are offline.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { getEnv } from "../lib/env";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(__dirname, "sqlite"),
  migrations: { path: path.join(__dirname, "sqlite", "migrations") },
  async adapter() {
    return new PrismaBetterSQLite3({ url: getEnv().database.url }, { timestampFormat: "unixepoch-ms" });
  },
});
