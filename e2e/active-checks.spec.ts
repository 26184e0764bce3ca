// An active check made in the browser: "Add check" → a website, the form's Test shows the run's
// timings before saving, then "Run now" against a loopback stand-in this test starts, which
// answers 200, then 500 (the check goes down), then slowly (degraded above its threshold).
// Last, an integration's "notify when degraded" switch.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { expectDashboard, projectCodeOf, screenshot, signUp, uniqueEmail, waitForHydration } from "./helpers";

const STAND_IN_PORT = 18646;
const target = `http://127.0.0.1:${STAND_IN_PORT}/health`;
let mode: "ok" | "error" | "slow" = "ok";
let server: http.Server;

test.beforeAll(async () => {
  server = http.createServer((_req, res) => {
    const answer = () => {
      res.writeHead(mode === "error" ? 500 : 200, { "Content-Type": "text/plain" });
      res.end(mode === "error" ? "broken" : "ok");
    };
    if (mode === "slow") setTimeout(answer, 600);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(STAND_IN_PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test("adds an HTTP check with Test, sees its timings, and sees it go down and degraded", async ({ page }) => {
  await signUp(page, uniqueEmail("probe"));
  const projectCode = projectCodeOf(page);

  // "Add check" asks what to watch; the HTTP form shows only its own fields and the common ones.
  await page.getByRole("link", { name: "Add check", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Add check", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "HTTP(S)" }).click();
  await expect(page.getByRole("heading", { name: "New HTTP(S) check" })).toBeVisible();
  await waitForHydration(page);
  await expect(page.getByLabel("Address")).toHaveCount(0);
  await expect(page.getByLabel("Degraded above (ms)")).toBeVisible();

  // A bad URL is refused next to its field.
  await page.getByLabel("URL", { exact: true }).fill("not a url");
  await page.getByRole("button", { name: "Test" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /url/i })).toBeVisible();
  await expect(page.getByRole("region", { name: "Test result" })).toHaveCount(0);

  // Test: the run and its timings, before anything is saved.
  await page.getByLabel("Name", { exact: true }).fill("Website");
  await page.getByLabel("URL", { exact: true }).fill(target);
  await page.getByRole("button", { name: "Test" }).click();
  const tested = page.getByRole("region", { name: "Test result" });
  await expect(tested).toContainText("Healthy");
  await expect(tested).toContainText("HTTP 200");
  await expect(tested.getByText("Time to first byte")).toBeVisible();
  await expect(tested.getByText(/^total /)).toBeVisible();
  await screenshot(page, "active-check-test");
  // The typed values survive the test.
  await expect(page.getByLabel("URL", { exact: true })).toHaveValue(target);

  await page.getByRole("button", { name: "Save check" }).click();
  await expect(page).toHaveURL(/\/checks\/[0-9a-f-]{36}\/details$/);
  await expect(page.getByRole("heading", { name: "Website", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "HTTP(S) probe" })).toBeVisible();
  await waitForHydration(page);

  const header = page.locator("header").filter({ has: page.getByRole("heading", { name: "Website", level: 1 }) });
  const runNow = async () => {
    await page.getByRole("button", { name: "Run now" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Ran: / })).toBeVisible();
  };

  await runNow();
  await expect(header.getByTitle(/^Pinged on time/)).toBeVisible();
  const lastRun = page.getByRole("region", { name: "Last run" });
  await expect(lastRun).toContainText("HTTP 200");
  await expect(lastRun.getByText("Time to first byte")).toBeVisible();
  await expect(page.getByRole("table", { name: /Probe results/ })).toContainText("Healthy");

  // The stand-in fails: the check goes down and the event log tells why.
  mode = "error";
  await runNow();
  await expect(header.getByTitle(/^Down/)).toBeVisible();
  await expect(page.getByText("Probe run: down").first()).toBeVisible();

  // Slow, with a 100 ms threshold: degraded.
  mode = "slow";
  await page.getByText("Edit the probe").click();
  await page.getByLabel("Degraded above (ms)").fill("100");
  await page.getByRole("button", { name: "Save probe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await runNow();
  await expect(header.getByTitle(/^Degraded/)).toBeVisible();
  await expect(page.getByText("Probe run: degraded").first()).toBeVisible();
  await screenshot(page, "active-check-page");

  // The dashboard row shows the last response time.
  await page.goto(`/projects/${projectCode}/checks`);
  await expectDashboard(page);
  await expect(page.getByRole("row", { name: /Website/ })).toContainText(/\d ms|\d(\.\d+)? s/);

  // The sign-up's email integration: notify when degraded, on, then off again.
  await page.goto(`/projects/${projectCode}/integrations`);
  await waitForHydration(page);
  const card = page.getByRole("article").first();
  await expect(card).toContainText("Not notified when an active check turns degraded.");
  await card.getByRole("button", { name: "Notify when degraded" }).click();
  await expect(card).toContainText("Notifies when an active check turns degraded and back.");
  await page.reload();
  await waitForHydration(page);
  await expect(card).toContainText("Notifies when an active check turns degraded and back.");
  await card.getByRole("button", { name: "Stop notifying when degraded" }).click();
  await expect(card).toContainText("Not notified when an active check turns degraded.");
});
