// The checks list's rows as Healthchecks has them: each check's ping URL with a copy button, and
// the project's integrations as per-check switches that members can press and readers only see.
import { expect, test, type Page } from "@playwright/test";
import { expectDashboard, openSignInLink, projectCodeOf, signUp, uniqueEmail, waitForHydration, waitForMail } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const firstCheckRow = (page: Page) => page.getByRole("row", { name: /My First Check/ });

test("copies a row's ping URL, and an integration switched off in the row stays off after a reload", async ({ page }) => {
  const email = uniqueEmail("olga");
  await signUp(page, email);
  const projectCode = projectCodeOf(page);
  const row = firstCheckRow(page);
  const href = await row.getByRole("link", { name: "My First Check" }).getAttribute("href");
  const checkCode = /\/checks\/([0-9a-f-]{36})\/details/.exec(href ?? "")![1]!;

  // The UUID URL, copied as shown.
  const url = row.getByRole("cell").filter({ has: page.getByRole("button", { name: /^Copy the ping URL/ }) }).locator("code");
  await expect(url).toHaveText(new RegExp(`/ping/${checkCode}$`));
  await row.getByRole("button", { name: "Copy the ping URL of My First Check" }).click();
  await expect(row.getByRole("status")).toHaveText("Copied to the clipboard");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await url.textContent());

  // Sign-up attached the user's email integration to the check: switch it off in the row.
  const integration = row.getByRole("switch", { name: `Email: ${email}` });
  await expect(integration).toHaveAttribute("aria-checked", "true");
  await integration.click();
  await expect(integration).toHaveAttribute("aria-checked", "false");
  // Saved, not only drawn: the check's page and a reloaded dashboard agree.
  await expect
    .poll(async () => {
      await page.goto(`/checks/${checkCode}/details`);
      return page.getByRole("switch", { name: new RegExp(email) }).getAttribute("aria-checked");
    })
    .toBe("false");
  await page.goto(`/projects/${projectCode}/checks`);
  await expectDashboard(page);
  await expect(integration).toHaveAttribute("aria-checked", "false");

  // And on again, by keyboard.
  await integration.focus();
  await page.keyboard.press("Space");
  await expect(integration).toHaveAttribute("aria-checked", "true");
  await expect
    .poll(async () => {
      await page.reload();
      await expectDashboard(page);
      return integration.getAttribute("aria-checked");
    })
    .toBe("true");

  // With slug URLs on, the row shows and copies the slug URL.
  await page.goto(`/projects/${projectCode}/settings`);
  await waitForHydration(page);
  await page.getByLabel("Show slug ping URLs instead of UUID URLs").check();
  await page.getByLabel("Show slug ping URLs instead of UUID URLs").locator("xpath=ancestor::form[1]").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ping URLs now use slugs." })).toBeVisible();
  await page.goto(`/projects/${projectCode}/checks`);
  await expectDashboard(page);
  await expect(url).toHaveText(/\/ping\/[A-Za-z0-9_-]+\/my-first-check$/);
  await row.getByRole("button", { name: "Copy the ping URL of My First Check" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/ping\/[A-Za-z0-9_-]+\/my-first-check$/);
});

test("a read-only member sees which integrations notify for a check, with no switch to press", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("pavel");
  const readerEmail = uniqueEmail("quinn");
  await signUp(page, ownerEmail);
  const projectCode = projectCodeOf(page);

  await page.goto(`/projects/${projectCode}/settings`);
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(readerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Read-only" });
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invite sent to ${readerEmail}.` })).toBeVisible();

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  try {
    await openSignInLink(reader, await waitForMail(readerEmail, /^You have been invited to join /));
    await expect(reader).toHaveURL(`/projects/${projectCode}/checks`);
    await expectDashboard(reader);
    const row = firstCheckRow(reader);
    const integrations = row.getByRole("list", { name: "Integrations of My First Check" });
    await expect(integrations).toContainText(`Email: ${ownerEmail}: on`);
    await expect(reader.getByRole("switch")).toHaveCount(0);
    // The ping URL is theirs to copy all the same.
    await expect(row.getByRole("button", { name: "Copy the ping URL of My First Check" })).toBeVisible();
  } finally {
    await readerContext.close();
  }
});
