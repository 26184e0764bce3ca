import { expect, test } from "./slow-fixture";
import { } from "@playwright/test";

test("the service answers status, pings and serves the web app", async ({ page, request }) => {
  expect(await (await request.get("/api/v3/status/")).text()).toBe("OK");
  expect((await request.get("/ping/00000000-0000-4000-8000-000000000000")).status()).toBe(404);
  await page.goto("/");
  await expect(page).toHaveTitle(/Vigil/);
});
