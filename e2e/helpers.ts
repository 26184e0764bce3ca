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
  body: string;
}

export function hookRequests(): HookRequest[] {
  return readJsonDir<HookRequest>(E2E.hookDir);
}

/** Full-page screenshots of the main pages, kept as CI artifacts, in the current theme. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(E2E.screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(E2E.screenshotDir, `${name}.png`), fullPage: true });
}
