// Flow 10: screenshots of the main pages in the light and dark themes (CI artifacts in
// test-results/screenshots). With UPDATE_DOCS_SCREENSHOTS=1 the light dashboard is also saved
// as docs/screenshots/dashboard.png, the README's picture (viewport only, to stay small).
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./slow-fixture";
import { type APIRequestContext, type Page } from "@playwright/test";
import { E2E } from "../env";
import { addCheck, projectCodeOf, screenshot, signUp, uniqueEmail, waitForHydration } from "../helpers";

test.use({ viewport: { width: 1280, height: 800 } });

const THEMES = ["light", "dark"] as const;

/** Checks in every state, so the dashboard shows what Vigil looks like in use. */
async function seedChecks(request: APIRequestContext, apiKey: string): Promise<void> {
  const headers = { "X-Api-Key": apiKey };
  const create = async (spec: Record<string, unknown>) => {
    const res = await request.post(`${E2E.baseUrl}/api/v3/checks/`, { headers, data: spec });
    expect(res.status()).toBe(201);
    return (await res.json()) as { ping_url: string; pause_url: string };
  };
  const backup = await create({ name: "Database backup", tags: "prod db", schedule: "0 3 * * *", tz: "Europe/Riga", grace: 3600 });
  const worker = await create({ name: "Queue worker", tags: "prod", timeout: 300, grace: 120 });
  const report = await create({ name: "Nightly report", tags: "reports", timeout: 86400, grace: 7200 });
  const certs = await create({ name: "Certificate renewal", tags: "ops", timeout: 7 * 86400, grace: 86400 });
  for (const check of [backup, worker, report]) expect((await request.get(check.ping_url)).status()).toBe(200);
  expect((await request.get(`${report.ping_url}/fail`)).status()).toBe(200);
  expect((await request.post(certs.pause_url, { headers })).status()).toBe(200);
}

async function expectTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  const html = page.locator("html");
  if (theme === "dark") await expect(html).toHaveClass(/\bdark\b/);
  else await expect(html).not.toHaveClass(/\bdark\b/);
}

test("takes screenshots of the main pages in the light and dark themes", async ({ page, request }) => {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/accounts/login");
    await expect(page.getByRole("heading", { name: "Sign in to Vigil" })).toBeVisible();
    await waitForHydration(page);
    await expectTheme(page, theme);
    await screenshot(page, `sign-in-${theme}`);
  }

  // New accounts follow the system theme, which emulateMedia switches.
  await page.emulateMedia({ colorScheme: "light" });
  await signUp(page, uniqueEmail("olivia"));
  const projectCode = projectCodeOf(page);
  const checkCode = await addCheck(page, "Website uptime");
  await page.getByLabel("Tags").fill("prod web");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect((await request.get(`${E2E.baseUrl}/ping/${checkCode}`)).status()).toBe(200);

  await page.goto(`/projects/${projectCode}/settings`);
  await waitForHydration(page);
  await page.getByLabel("Name", { exact: true }).fill("Production");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Project renamed." })).toBeVisible();
  await page.getByRole("button", { name: "Create read-write key" }).click();
  const key = page.getByLabel("Your new read-write key (copy it now: it is not shown again)");
  await expect(key).toHaveValue(/\S{16,}/);
  await seedChecks(request, await key.inputValue());

  const pages = [
    { name: "dashboard", url: `/projects/${projectCode}/checks`, heading: "Checks" },
    { name: "check-details", url: `/checks/${checkCode}/details`, heading: "Website uptime" },
    { name: "integrations", url: `/projects/${projectCode}/integrations`, heading: "Integrations" },
    { name: "project-settings", url: `/projects/${projectCode}/settings`, heading: "Settings" },
    { name: "account-profile", url: "/accounts/profile", heading: "Account settings" },
  ];
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const p of pages) {
      await page.goto(p.url);
      await expect(page.getByRole("heading", { name: p.heading, level: 1 })).toBeVisible();
      await waitForHydration(page);
      await expectTheme(page, theme);
      if (p.name === "dashboard") await expect(page.getByText("6 checks: 1 down, 3 up, 1 new, 1 paused")).toBeVisible();
      await screenshot(page, `${p.name}-${theme}`);
      if (p.name === "dashboard" && theme === "light" && process.env.UPDATE_DOCS_SCREENSHOTS === "1") {
        const file = path.join(E2E.root, "docs", "screenshots", "dashboard.png");
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file });
      }
    }
  }

  for (const file of pages.flatMap((p) => THEMES.map((t) => `${p.name}-${t}.png`)).concat(THEMES.map((t) => `sign-in-${t}.png`))) {
    expect(fs.statSync(path.join(E2E.screenshotDir, file)).size).toBeGreaterThan(10_000);
  }
});
