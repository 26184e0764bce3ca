// Status badges: the project's badges page lists a badge per tag with copyable snippets, and
// the URLs it hands out answer with the badge (served by Next behind the front server).
import { expect, test, type Page } from "@playwright/test";
import { addCheck, projectCodeOf, signUp, uniqueEmail, waitForHydration } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const badgeItem = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

test("the badges page lists tag and check badges whose URLs answer", async ({ page, request }) => {
  await signUp(page, uniqueEmail("badger"));
  const projectCode = projectCodeOf(page);
  await addCheck(page, "Backup job");
  await page.getByLabel("Tags").fill("prod a/b");
  // The name's "Saved." is still shown: wait for this save's server action instead.
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && (r.request().postData() ?? "").includes("prod a/b")),
    page.getByRole("button", { name: "Save", exact: true }).click(),
  ]);

  // From the project settings, as well as from the project navigation.
  await page.goto(`/projects/${projectCode}/settings`);
  await page.getByRole("link", { name: "get badge URLs and snippets" }).click();
  await expect(page.getByRole("heading", { name: "Status badges", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Badges" })).toHaveAttribute("aria-current", "page");
  await waitForHydration(page);

  // A tag with a slash: its URL carries it quoted twice, as Healthchecks' do.
  const tag = badgeItem(page, "Tag: a/b");
  const svgUrl = await tag.getByLabel("Image URL", { exact: true }).inputValue();
  expect(svgUrl).toMatch(/\/badge\/[^/]+\/[\w-]{8}-2\/a%252Fb\.svg$/);
  const svg = await request.get(svgUrl);
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");
  expect(svg.headers()["cache-control"]).toBe("max-age=0, no-cache, no-store, must-revalidate, private");
  expect(svg.headers()["access-control-allow-origin"]).toBe("*");
  const body = await svg.text();
  expect(body).toContain('<text x="15.5" y="14">a/b</text>');
  expect(body).toContain('fill="#4c1"');
  await expect.poll(() => tag.getByRole("img", { name: "a/b status badge" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(55);
  expect(await tag.getByLabel("Markdown", { exact: true }).inputValue()).toBe(`![a/b](${svgUrl})`);
  await tag.getByRole("button", { name: "Copy HTML of the a/b badge" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`<img src="${svgUrl}" alt="a/b">`);

  // A tampered signature is a 404.
  expect((await request.get(svgUrl.replace(/\/[\w-]{8}-2\//, "/AAAAAAAA-2/"))).status()).toBe(404);

  // Shields.io: the image comes from shields.io, which reads Vigil's endpoint.
  await page.getByRole("radio", { name: "Shields.io" }).check();
  await page.getByRole("radio", { name: "Three states (up, late, down)" }).check();
  const shieldsUrl = await tag.getByLabel("Shields.io endpoint URL", { exact: true }).inputValue();
  expect(await tag.getByLabel("Image URL", { exact: true }).inputValue()).toBe(`https://img.shields.io/endpoint?url=${encodeURIComponent(shieldsUrl)}`);
  expect(await (await request.get(shieldsUrl)).text()).toBe('{"schemaVersion": 1, "label": "a/b", "message": "up", "color": "success"}');

  // JSON, shown live; then the check's own badge.
  await page.getByRole("radio", { name: "JSON" }).check();
  await expect(tag).toContainText('{"status": "up", "total": 1, "grace": 0, "down": 0}');
  const checkItem = page.locator("section").filter({ has: page.getByRole("heading", { name: "Check badges" }) });
  await checkItem.getByLabel("Check", { exact: true }).selectOption({ label: "Backup job" });
  await expect(checkItem.getByRole("heading", { name: "Check: Backup job" })).toBeVisible();
  const checkJsonUrl = await checkItem.getByLabel("JSON endpoint URL", { exact: true }).inputValue();
  expect(checkJsonUrl).toMatch(/\/b\/3\/[0-9a-f-]{36}\.json$/);
  expect(await (await request.get(checkJsonUrl)).json()).toEqual({ status: "up", total: 1, grace: 0, down: 0 });
});
