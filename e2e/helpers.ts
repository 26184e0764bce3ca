import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E } from "./env";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

function readJsonDir<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as T);
}

/** Waits for the newest mail to `to` whose subject matches, as the SMTP sink saved it. */
export async function waitForMail(to: string, subject: RegExp, after = 0): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(() => {
      found = readJsonDir<Mail>(E2E.mailDir)
        .slice(after)
        .reverse()
        .find((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject));
      return Boolean(found);
    }, { timeout: 15_000 })
    .toBe(true);
  return found!;
}

export function mailCount(): number {
  return readJsonDir<Mail>(E2E.mailDir).length;
}

export function firstLink(text: string): string {
  const m = /https?:\/\/\S+/.exec(text);
  if (!m) throw new Error(`no link in: ${text}`);
  return m[0].replace(/[)>.,]+$/, "");
}

export interface HookRequest {
  method: string;
  url: string;
  /** Lowercase names, as node:http gives them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Everything the HTTP and signal-cli stand-ins received, oldest first (serve.ts). */
export function hookRequests(): HookRequest[] {
  return readJsonDir<HookRequest>(E2E.hookDir);
}

/**
 * Waits until the stand-ins received exactly `count` requests matching `match` (`what` names
 * them in the failure message) and returns them, oldest first.
 */
export async function waitForHookRequests(what: string, match: (r: HookRequest) => boolean, count = 1): Promise<HookRequest[]> {
  let found: HookRequest[] = [];
  await expect
    .poll(
      () => {
        found = hookRequests().filter(match);
        return found.length;
      },
      { message: `requests to the stand-in: ${what}`, timeout: 10_000 },
    )
    .toBe(count);
  return found;
}

/** Full-page screenshots of the main pages, kept as CI artifacts, in the current theme. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(E2E.screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(E2E.screenshotDir, `${name}.png`), fullPage: true });
}

let emailSeq = 0;

/** An address no other test uses (short: it shows in the account menu on screenshots). */
export function uniqueEmail(name: string): string {
  return `${name}-${Date.now().toString(36)}${(emailSeq++).toString(36)}@example.org`;
}

/**
 * Opens a sign-in link from a mail (the link page only shows a button: opening it uses
 * nothing up) and presses "Sign in".
 */
export async function openSignInLink(page: Page, mail: Mail): Promise<void> {
  await page.goto(firstLink(mail.text));
  await expect(page.getByRole("heading", { name: "Sign in to Vigil" })).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Signs up through /accounts/signup and the emailed link; ends on the new project's checks.
 * Sign-ups, link requests and password attempts share a limit of 20 per client IP per hour
 * (Healthchecks' rule): the whole suite uses about 12 on its fresh database.
 */
export async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/accounts/signup");
  await waitForHydration(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await openSignInLink(page, await waitForMail(email, /^Sign in to Vigil$/));
  await expectDashboard(page);
}

/**
 * Waits until React has hydrated the page that was just loaded. Until then, buttons that only
 * work with JavaScript (menus, dialog triggers, the sign-in method switch) ignore clicks, and
 * Playwright cannot tell: they look ready. React keeps each hydrated node's props on the node,
 * and completes <main> after the navigation before it. Call it after asserting something about
 * the new document, so it is not answered by the page being left.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.getElementById("main");
      return main !== null && Object.keys(main).some((key) => key.startsWith("__reactProps$"));
    },
    undefined,
    { timeout: 15_000 },
  );
}

/** The checks page of a project (the signed-in landing page), hydrated. */
export async function expectDashboard(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}\/checks/);
  await expect(page.getByRole("heading", { name: "Checks", level: 1 })).toBeVisible();
  await waitForHydration(page);
}

/** Signs out through the account menu; ends on the sign-in page, hydrated. */
export async function signOut(page: Page, email: string): Promise<void> {
  await waitForHydration(page);
  await page.getByRole("button", { name: `Account: ${email}` }).click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("You have been signed out.")).toBeVisible();
  await waitForHydration(page);
}

/**
 * "Add check" on the current project's checks page, "a cron job or heartbeat", then names it;
 * returns the check's UUID.
 */
export async function addCheck(page: Page, name: string): Promise<string> {
  await page.getByRole("link", { name: "Add check", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Add check", level: 1 })).toBeVisible();
  await waitForHydration(page);
  await page.getByRole("button", { name: "Add cron job check" }).click();
  await expect(page).toHaveURL(/\/checks\/[0-9a-f-]{36}\/details\?new=1/);
  await expect(page.getByRole("status").filter({ hasText: "Check created." })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return checkCodeOf(page);
}

/** The UUID of the check whose details page is open. */
export function checkCodeOf(page: Page): string {
  const m = /\/checks\/([0-9a-f-]{36})\/details/.exec(page.url());
  if (!m) throw new Error(`not a check details page: ${page.url()}`);
  return m[1]!;
}

/** The UUID of the project whose page is open. */
export function projectCodeOf(page: Page): string {
  const m = /\/projects\/([0-9a-f-]{36})\//.exec(page.url());
  if (!m) throw new Error(`not a project page: ${page.url()}`);
  return m[1]!;
}
