import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The same "@/..." alias as tsconfig.json, so tests can import app code too.
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "./tests/summary-reporter.ts"],
    env: { NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", SECRET_KEY: "test-secret-key" },
  },
});
