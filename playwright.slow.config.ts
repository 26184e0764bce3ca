import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/env";

// Browser tests against a production build (`next build` first; npm test does it) started by
// `vigil start` on a fresh SQLite database, in Debian's Chromium. Never downloads a browser.
export default defineConfig({
  testDir: "e2e/slowtmp",
  testMatch: "*.spec.ts",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  workers: 1,
  fullyParallel: false,
  reporter: [["list"], ["./e2e/summary-reporter.ts"]],
  use: {
    baseURL: E2E.baseUrl,
    // Bounded: a missing button fails in seconds with its locator, not at the test timeout.
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    browserName: "chromium",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: "node --import tsx e2e/serve.ts",
    url: `${E2E.baseUrl}/api/v3/status/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
