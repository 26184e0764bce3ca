// Status pages from the web app: a page with two checks in a group, an incident with an update
// and a maintenance window posted from their screens; then what a visitor sees at
// /status/<slug>, subscribing by e-mail and confirming through the captured mail, and
// screenshots of the public page in light and dark, on a desktop and a phone.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E } from "./env";
import { addCheck, firstLink, openSignInLink, projectCodeOf, screenshot, signUp, uniqueEmail, waitForHydration, waitForMail } from "./helpers";

let slugSeq = 0;

/** A slug no other test uses (slugs are unique per instance). */
function uniqueSlug(name: string): string {
  return `${name}-${Date.now().toString(36)}${(slugSeq++).toString(36)}`;
}

/**
 * From a project's checks page: two checks, then "Status pages" → "New status page" with both
 * as components of the group "Backend", the second moved above the first. Ends on the page's
 * settings, hydrated.
 */
async function createStatusPage(page: Page, title: string, slug: string): Promise<void> {
  const projectCode = projectCodeOf(page);
  await addCheck(page, "Nightly backup");
  await page.goto(`/projects/${projectCode}/checks`);
  await waitForHydration(page);
  await addCheck(page, "API server");

  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Status pages" }).click();
  await expect(page.getByRole("heading", { name: "Status pages", level: 1 })).toBeVisible();
  await expect(page.getByText("This project has no status pages yet.")).toBeVisible();
  await page.getByRole("link", { name: "New status page" }).click();
  await expect(page.getByRole("heading", { name: "New status page", level: 1 })).toBeVisible();
  await waitForHydration(page);

  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Description", { exact: true }).fill("How our services are doing.");
  await page.getByLabel("Check to add").selectOption({ label: "Nightly backup" });
  await page.getByRole("button", { name: "Add component" }).click();
  await page.getByRole("button", { name: "Add component" }).click();
  const components = page.getByRole("listitem").filter({ has: page.getByLabel("Display name") });
  await expect(components).toHaveCount(2);
  await components.nth(0).getByLabel("Display name").fill("Backups");
  await components.nth(0).getByLabel("Group").fill("Backend");
  await components.nth(1).getByLabel("Display name").fill("Public API");
  await components.nth(1).getByLabel("Group").fill("Backend");
  await page.getByRole("button", { name: "Move Public API up" }).click();
  await expect(components.nth(0).getByLabel("Display name")).toHaveValue("Public API");
  await page.getByRole("button", { name: "Create status page" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Status page created." })).toBeVisible();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await waitForHydration(page);
}

/** On a status page's screens: "Incidents" → "New incident", affecting the first component. */
async function postIncident(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Status page" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByRole("heading", { name: "Incidents", level: 2 })).toBeVisible();
  await expect(page.getByText("No open incidents.")).toBeVisible();
  await page.getByRole("link", { name: "New incident" }).click();
  await expect(page.getByRole("heading", { name: "New incident", level: 2 })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Impact").selectOption("major");
  await page.getByLabel("Message").fill("Requests fail for some customers; we are looking into it.");
  await page.getByLabel(/^Public API/).selectOption("major_outage");
  await page.getByRole("button", { name: "Post incident" }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Incident posted." })).toBeVisible();
  await waitForHydration(page);
}

/** The page fits the viewport's width: nothing to scroll sideways (tables scroll in their own box). */
async function expectNoSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test("creates a status page in the web app with two checks in a group, posts an incident, an update and a maintenance", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("status"));
  const projectCode = projectCodeOf(page);
  const slug = uniqueSlug("acme");

  // A refused save keeps what was typed and says why next to the field.
  await page.goto(`/projects/${projectCode}/status-pages/new`);
  await waitForHydration(page);
  await page.getByLabel("Title").fill("Acme status");
  await page.getByLabel("Slug").fill("Not a slug!");
  await page.getByRole("button", { name: "Create status page" }).click();
  await expect(page.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: /slug/i })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Acme status");
  await page.goto(`/projects/${projectCode}/checks`);
  await waitForHydration(page);

  await createStatusPage(page, "Acme status", slug);
  const components = page.getByRole("listitem").filter({ has: page.getByLabel("Display name") });
  await expect(components.nth(0).getByLabel("Display name")).toHaveValue("Public API");
  await expect(components.nth(1).getByLabel("Display name")).toHaveValue("Backups");
  await expect(components.nth(1).getByLabel("Group")).toHaveValue("Backend");
  await screenshot(page, "status-page-editor");

  // The list shows it with its address, its component count and no open incident.
  await page.getByRole("link", { name: "← Status pages" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "Acme status" });
  await expect(item).toContainText(`/status/${slug}`);
  await expect(item).toContainText("2 components");
  await expect(item).toContainText("No open incidents");
  await item.getByRole("link", { name: "Acme status" }).click();
  await expect(page.getByRole("heading", { name: "Acme status", level: 1 })).toBeVisible();
  await waitForHydration(page);

  await postIncident(page, "API errors");
  const timeline = page.getByRole("list", { name: "Updates, newest first" });
  await expect(timeline).toContainText("Investigating");
  await expect(timeline).toContainText("Requests fail for some customers");
  await expect(page.getByRole("region", { name: "Affected components" })).toContainText("Public API: Major outage");

  // An update: identified, and the component now only degraded.
  await page.getByLabel("Status", { exact: true }).selectOption("identified");
  await page.getByLabel("Message").fill("A bad deploy; rolling back.");
  await page.getByLabel(/^Public API/).selectOption("degraded_performance");
  await page.getByRole("button", { name: "Post update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Update posted." })).toBeVisible();
  await expect(timeline.getByRole("listitem").first()).toContainText("Identified");
  await expect(timeline.getByRole("listitem").first()).toContainText("A bad deploy; rolling back.");
  await expect(page.getByRole("region", { name: "Affected components" })).toContainText("Public API: Degraded performance");
  await screenshot(page, "status-page-incident");

  await page.getByRole("navigation", { name: "Status page" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByRole("region", { name: /^Open/ })).toContainText("API errors");

  // Maintenance: scheduled for tomorrow in the page's time zone, which the form names.
  await page.getByRole("navigation", { name: "Status page" }).getByRole("link", { name: "Maintenance" }).click();
  await page.getByRole("link", { name: "Schedule maintenance" }).click();
  await expect(page.getByRole("heading", { name: "Schedule maintenance", level: 2 })).toBeVisible();
  await waitForHydration(page);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Name").fill("Database upgrade");
  await page.getByLabel("Message").fill("The API may be slow for a few minutes.");
  await page.getByLabel(/^Starts \(/).fill(`${tomorrow}T02:00`);
  await page.getByLabel(/^Ends \(/).fill(`${tomorrow}T01:00`);
  await page.getByLabel("Public API").check();
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /after/ })).toBeVisible();
  await page.getByLabel(/^Ends \(/).fill(`${tomorrow}T03:00`);
  await page.getByRole("button", { name: "Schedule maintenance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Maintenance saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Upcoming/ })).toContainText("Database upgrade");
  await expect(page.getByRole("region", { name: /^Upcoming/ })).toContainText(`${tomorrow} 02:00`);

  // Cancelling it moves it to completed.
  await page.getByRole("link", { name: "Database upgrade" }).click();
  await waitForHydration(page);
  await page.getByRole("button", { name: "Cancel maintenance" }).click();
  await page.getByRole("button", { name: "Yes, cancel maintenance" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Maintenance cancelled." })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Completed/ })).toContainText("Database upgrade");

  await page.getByRole("navigation", { name: "Status page" }).getByRole("link", { name: "Subscribers" }).click();
  await expect(page.getByText("Nobody has subscribed yet.")).toBeVisible();
  const pageUrl = page.url().replace(/\/subscribers$/, "");

  // On a phone and a small tablet (where the project menu shows in the bar), in the dark
  // theme, the screens fit the width.
  await page.emulateMedia({ colorScheme: "dark" });
  for (const width of [390, 800]) {
    await page.setViewportSize({ width, height: 844 });
    for (const url of [pageUrl, `${pageUrl}/incidents`, `${pageUrl}/maintenance`]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { name: "Acme status", level: 1 })).toBeVisible();
      await expectNoSideScroll(page);
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(pageUrl);
  await waitForHydration(page);
  await screenshot(page, "status-page-editor-phone-dark");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: "light" });

  // A team member (who may edit checks) sees the status pages but no control to change them.
  const memberEmail = uniqueEmail("mallory");
  await page.goto(`/projects/${projectCode}/settings`);
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(memberEmail);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Team member" });
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invite sent to ${memberEmail}.` })).toBeVisible();
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  try {
    await openSignInLink(member, await waitForMail(memberEmail, /^You have been invited to join /));
    await expect(member.getByRole("heading", { name: "Checks", level: 1 })).toBeVisible();
    await member.goto(`/projects/${projectCode}/status-pages`);
    await expect(member.getByRole("link", { name: "Acme status" })).toBeVisible();
    await expect(member.getByRole("link", { name: "New status page" })).toHaveCount(0);
    await member.getByRole("link", { name: "Acme status" }).click();
    await expect(member.getByRole("heading", { name: "Acme status", level: 1 })).toBeVisible();
    await expect(member.getByText("only the project's owners and managers can change them")).toBeVisible();
    await expect(member.getByRole("region", { name: "Components" })).toContainText("Public API");
    await expect(member.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(member.getByRole("button", { name: "Delete status page" })).toHaveCount(0);
    await expect(member.getByRole("textbox")).toHaveCount(0);
    await member.getByRole("navigation", { name: "Status page" }).getByRole("link", { name: "Incidents" }).click();
    await expect(member.getByRole("link", { name: "API errors" })).toBeVisible();
    await expect(member.getByRole("link", { name: "New incident" })).toHaveCount(0);
    await member.getByRole("link", { name: "API errors" }).click();
    await expect(member.getByRole("heading", { name: "API errors", level: 2 })).toBeVisible();
    await expect(member.getByRole("button", { name: "Post update" })).toHaveCount(0);
    await expect(member.getByRole("button", { name: "Delete incident" })).toHaveCount(0);
    // The forms themselves are not found for them.
    expect((await member.goto(`${pageUrl}/incidents/new`))?.status()).toBe(404);
  } finally {
    await memberContext.close();
  }
});

test("a visitor sees the incident on the public page, subscribes by e-mail and confirms; screenshots in light and dark, desktop and phone", async ({ page }) => {
  await signUp(page, uniqueEmail("public"));
  const slug = uniqueSlug("globex");
  await createStatusPage(page, "Globex status", slug);
  await postIncident(page, "Slow logins");
  const admin = page.url();

  await page.goto(`/status/${slug}`);
  await expect(page.getByRole("heading", { name: "Globex status", level: 1 })).toBeVisible();
  const current = page.getByRole("region", { name: "Current incidents and maintenance" });
  await expect(current.getByRole("heading", { name: "Slow logins" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Components" })).toContainText("Backend");
  await expect(page.getByRole("region", { name: "Components" })).toContainText("Public API");
  // Nothing private: no check UUIDs, no ping URLs.
  const html = await page.content();
  expect(html).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  expect(html).not.toContain("/ping/");

  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 800 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`/status/${slug}`);
      await expect(page.getByRole("heading", { name: "Globex status", level: 1 })).toBeVisible();
      await screenshot(page, `status-page-public-${theme}-${device}`);
      expect(fs.statSync(path.join(E2E.screenshotDir, `status-page-public-${theme}-${device}.png`)).size).toBeGreaterThan(10_000);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Subscribing by e-mail: the confirmation mail's link starts the subscription.
  const visitor = uniqueEmail("visitor");
  await page.goto(`/status/${slug}`);
  await page.getByLabel("E-mail address").fill(visitor);
  await page.getByRole("button", { name: "Subscribe by e-mail" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const mail = await waitForMail(visitor, /^Confirm your subscription to Globex status$/);
  await page.goto(firstLink(mail.text));
  await expect(page.getByRole("heading", { name: "Subscription confirmed" })).toBeVisible();

  // The web app lists the subscriber as confirmed.
  await page.goto(admin.replace(/\/incidents\/.*$/, "/subscribers"));
  const row = page.getByRole("row").filter({ hasText: visitor });
  await expect(row).toContainText("E-mail");
  await expect(row).toContainText("Confirmed");
});
