import { test as base, expect } from "@playwright/test";
export { expect };
export const test = base.extend<{ slowJs: void }>({
  slowJs: [async ({ context }, use) => {
    await context.route("**/_next/static/**/*.js", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await use();
  }, { auto: true }],
});
