// Flows 6 and 7: pings over HTTP change a check's status on an open dashboard, without a reload.
import { expect, test } from "./slow-fixture";
import { type Locator, type Page } from "@playwright/test";
import { E2E } from "../env";
import { addCheck, signUp, uniqueEmail } from "../helpers";

// The dashboard polls every 5 seconds; allow a few rounds.
const LIVE = { timeout: 20_000 };

async function openDashboardWithCheck(page: Page, name: string): Promise<{ code: string; status: Locator }> {
  await signUp(page, uniqueEmail("hank"));
  const code = await addCheck(page, name);
  await page.getByRole("link", { name: /all checks$/ }).click();
  const row = page.getByRole("row", { name: new RegExp(name) });
  // The first cell holds the status badge: an icon and its label.
  const status = row.getByRole("cell").first();
  await expect(status).toHaveText("New");
  return { code, status };
}

/** Fails the test if the page reloads or navigates while `work` runs. */
async function withoutNavigation(page: Page, work: () => Promise<void>): Promise<void> {
  const navigations: string[] = [];
  const onNavigate = (frame: { url(): string; parentFrame(): unknown }) => {
    if (!frame.parentFrame()) navigations.push(frame.url());
  };
  page.on("framenavigated", onNavigate);
  try {
    await work();
  } finally {
    page.off("framenavigated", onNavigate);
  }
  expect(navigations).toEqual([]);
}

test("pings over HTTP turn the check up, then down, on the open dashboard", async ({ page, request }) => {
  const { code, status } = await openDashboardWithCheck(page, "Web ping job");
  await withoutNavigation(page, async () => {
    const ping = await request.get(`${E2E.baseUrl}/ping/${code}`);
    expect(ping.status()).toBe(200);
    expect(await ping.text()).toBe("OK");
    await expect(status).toHaveText("Up", LIVE);
    // The summary line counts the new check and the sign-up's "My First Check".
    await expect(page.getByText("2 checks: 1 up, 1 new")).toBeVisible();

    const fail = await request.get(`${E2E.baseUrl}/ping/${code}/fail`);
    expect(fail.status()).toBe(200);
    await expect(status).toHaveText("Down", LIVE);
    await expect(page.getByText("2 checks: 1 down, 1 new")).toBeVisible();
  });
});
