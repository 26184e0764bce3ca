// Prisma CLI config for PostgreSQL (see sqlite.config.ts for why engine is "js").
import path from "node:path";
import { defineConfig } from "prisma/config";
import { MigrationPrismaPg } from "./pg-migration-adapter";
import { getEnv } from "../lib/env";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(__dirname, "postgres"),
  migrations: { path: path.join(__dirname, "postgres", "migrations") },
  async adapter() {
    return new MigrationPrismaPg({ connectionString: getEnv().database.url, allowExitOnIdle: true });
  },
});
