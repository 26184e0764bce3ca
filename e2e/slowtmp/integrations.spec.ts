// Flow 8: a webhook integration to the loopback stand-in, and its test notification.
import { expect, test } from "./slow-fixture";
import { } from "@playwright/test";
import { E2E } from "../env";
import { hookRequests, signUp, uniqueEmail } from "../helpers";

test("adds a webhook integration and delivers a test notification to it", async ({ page }) => {
  await signUp(page, uniqueEmail("ivan"));
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Add webhook integration" }).click();
  await expect(page.getByRole("heading", { name: "Add webhook integration", level: 1 })).toBeVisible();
  // A marker in the URL tells this test's requests apart from other deliveries to the stand-in.
  const marker = `e2e-${Date.now()}`;
  const down = page.getByRole("group", { name: "When a check goes down" });
  await down.getByLabel("Method").selectOption("POST");
  await down.getByLabel("URL").fill(`http://127.0.0.1:${E2E.hookPort}/down?marker=${marker}`);
  await down.getByLabel("Request body").fill("$NAME is $STATUS");
  await page.getByLabel("Name (optional)").fill("Ops webhook");
  await page.getByRole("button", { name: "Save integration" }).click();

  await expect(page).toHaveURL(/\/integrations\?saved=/);
  await expect(page.getByRole("status").filter({ hasText: "Integration saved." })).toBeVisible();
  const card = page.getByRole("article", { name: /Ops webhook/ });
  await expect(card).toContainText(`127.0.0.1:${E2E.hookPort}/down?marker=${marker}`);
  await expect(card).toContainText("Notifies for all 1 check.");

  await card.getByRole("button", { name: "Send test notification" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Test notification sent." })).toBeVisible();
  const received = hookRequests().filter((r) => r.url === `/down?marker=${marker}`);
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({ method: "POST", body: "TEST is down" });
  await expect(card).toContainText("— delivered");
});
