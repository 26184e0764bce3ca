// Flow 9: a read-only team member sees no edit controls, and the server refuses forged edits.
import { expect, test, type Page, type Request } from "@playwright/test";
import { addCheck, openSignInLink, projectCodeOf, signUp, uniqueEmail, waitForHydration, waitForMail } from "./helpers";

const isActionCall = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;

/**
 * Opens a check's details page and returns the id of the server action the app shell calls
 * there on its own (which project the check is in), to tell it apart from form submissions:
 * bound arguments travel in the body, so the bodies look alike.
 */
async function openDetails(page: Page, url: string): Promise<string> {
  const [shellCall] = await Promise.all([page.waitForRequest(isActionCall, { timeout: 10_000 }), page.goto(url)]);
  return shellCall.headers()["next-action"]!;
}

/** The server-action POST that `submit` sends on `page`, other than the shell's `ignore`. */
async function captureAction(page: Page, ignore: string, submit: () => Promise<void>): Promise<Request> {
  const [request] = await Promise.all([
    page.waitForRequest((r) => isActionCall(r) && r.headers()["next-action"] !== ignore, { timeout: 10_000 }),
    submit(),
  ]);
  return request;
}

/** The headers that make a POST a server-action call (the rest come from the new context). */
async function actionHeaders(request: Request): Promise<Record<string, string>> {
  const all = await request.allHeaders();
  const keep = ["content-type", "next-action", "next-router-state-tree", "accept", "origin"];
  return Object.fromEntries(Object.entries(all).filter(([k]) => keep.includes(k)));
}

test("a read-only member sees no edit controls and cannot forge edits", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("judy");
  const readerEmail = uniqueEmail("ken");
  await signUp(page, ownerEmail);
  const projectCode = projectCodeOf(page);
  const checkCode = await addCheck(page, "Owner's check");
  const detailsUrl = `/checks/${checkCode}/details`;

  // The owner invites a read-only member from the project settings.
  await page.goto(`/projects/${projectCode}/settings`);
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill(readerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Read-only" });
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invite sent to ${readerEmail}.` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Team members" })).toContainText(readerEmail);

  // The member signs in with the invite's link, in a browser context of their own.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  try {
    const invite = await waitForMail(readerEmail, /^You have been invited to join /);
    expect(invite.text).toContain("as a read-only member");
    await openSignInLink(reader, invite);
    await expect(reader).toHaveURL(`/projects/${projectCode}/checks`);
    await expect(reader.getByRole("heading", { name: "Checks", level: 1 })).toBeVisible();
    await expect(reader.getByRole("link", { name: "Owner's check" })).toBeVisible();
    await expect(reader.getByRole("button", { name: "Add check" })).toHaveCount(0);
    await expect(reader.getByRole("link", { name: "Add check" })).toHaveCount(0);

    await reader.getByRole("link", { name: "Owner's check" }).click();
    await expect(reader.getByRole("heading", { name: "Owner's check", level: 1 })).toBeVisible();
    await expect(reader.getByRole("heading", { name: "How to ping" })).toBeVisible();
    for (const name of ["Ping now", "Pause", "Save", "Change period", "Use a cron schedule", "Clear events", "Delete check"]) {
      await expect(reader.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await expect(reader.getByRole("textbox")).toHaveCount(0);

    await reader.goto(`/projects/${projectCode}/integrations`);
    await expect(reader.getByText("You have read-only access to this project, so you cannot change its integrations.")).toBeVisible();
    await expect(reader.getByRole("link", { name: /^Add .* integration$/ })).toHaveCount(0);
    await expect(reader.getByRole("button", { name: "Send test notification" })).toHaveCount(0);
    expect((await reader.goto(`/projects/${projectCode}/integrations/add/webhook`))!.status()).toBe(404);

    await reader.goto(`/projects/${projectCode}/settings`);
    await expect(reader.getByText("your role: Read-only")).toBeVisible();
    await expect(reader.getByRole("button", { name: "Send invite" })).toHaveCount(0);
    await expect(reader.getByRole("button", { name: "Save name" })).toHaveCount(0);

    // Forgery: the owner's own "Save" and "Pause" requests, re-sent with the member's cookies.
    const shellAction = await openDetails(page, detailsUrl);
    const rename = await captureAction(page, shellAction, async () => {
      await page.getByLabel("Name", { exact: true }).fill("Renamed by owner");
      await page.getByRole("button", { name: "Save", exact: true }).click();
    });
    await expect(page.getByRole("heading", { name: "Renamed by owner", level: 1 })).toBeVisible();
    const forgedBody = rename.postDataBuffer()!.toString("utf8").replace("Renamed by owner", "Renamed by reader");
    expect(forgedBody).toContain("Renamed by reader");
    const forgedRename = await readerContext.request.post(rename.url(), { headers: await actionHeaders(rename), data: Buffer.from(forgedBody) });
    expect(forgedRename.status()).toBe(200);
    expect(await forgedRename.text()).toContain("You do not have permission to do this in this project");

    // The owner pauses (captured) and resumes; the member's replay of "Pause" must not stick.
    const pause = await captureAction(page, shellAction, () => page.getByRole("button", { name: "Pause", exact: true }).click());
    await expect(page.getByRole("button", { name: "Resume", exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Resume", exact: true }).click();
    await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
    const forgedPause = await readerContext.request.post(pause.url(), { headers: await actionHeaders(pause), data: pause.postDataBuffer() ?? "" });
    expect(await forgedPause.text()).toContain("You do not have permission to do this in this project");

    // Reloaded as the owner: the name is the owner's and the check is not paused.
    await page.goto(detailsUrl);
    await expect(page.getByRole("heading", { name: "Renamed by owner", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Renamed by owner");
    await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Resume", exact: true })).toHaveCount(0);
  } finally {
    await readerContext.close();
  }
});

test("a forged check action with arguments of the wrong types gets a form error, not a server error", async ({ page }) => {
  await signUp(page, uniqueEmail("liam"));
  const checkCode = await addCheck(page, "Typed check");
  const shellAction = await openDetails(page, `/checks/${checkCode}/details`);
  const pause = await captureAction(page, shellAction, () => page.getByRole("button", { name: "Pause", exact: true }).click());
  await expect(page.getByRole("button", { name: "Resume", exact: true })).toBeVisible();

  // The check's UUID is a bound argument, so it travels in the body: send anything else there.
  const headers = { ...(await actionHeaders(pause)), "content-type": "text/plain;charset=UTF-8" };
  for (const body of ["[]", "[null]", "[123]", "[{}]"]) {
    const res = await page.request.post(pause.url(), { headers, data: body });
    expect(res.status(), body).toBe(200);
    expect(await res.text(), body).toContain("This request was malformed");
  }
  // Nothing happened to the check.
  await page.reload();
  await expect(page.getByRole("button", { name: "Resume", exact: true })).toBeVisible();
});
