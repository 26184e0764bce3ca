// The group integration's pick-list: the project's other integrations as checkboxes (groups left
// out), at least one required, and the edit page ticking the current members.
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail, waitForHydration } from "./helpers";

test("sets up a group from a pick-list of the project's integrations and edits it", async ({ page }) => {
  await signUp(page, uniqueEmail("gina"));
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  const integrationsUrl = page.url();

  for (const name of ["Ops email", "Dev email"]) {
    await page.getByRole("link", { name: "Add Email integration" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.getByLabel("Email address").fill(`${name.split(" ")[0].toLowerCase()}@example.org`);
    await page.getByLabel("Name (optional)").fill(name);
    await page.getByRole("button", { name: "Save integration" }).click();
    await expect(page).toHaveURL(/\/integrations\?saved=/);
  }

  await page.getByRole("link", { name: "Add Group integration" }).click();
  await expect(page.getByRole("heading", { name: "Add Group integration", level: 1 })).toBeVisible();
  await waitForHydration(page);
  const members = page.getByRole("group", { name: "Integrations" });
  // Sign-up's own email integration and the two added above.
  await expect(members.getByRole("checkbox")).toHaveCount(3);

  // Nothing ticked: an inline error, nothing saved.
  await page.getByRole("button", { name: "Save integration" }).click();
  await expect(members.getByRole("alert")).toHaveText("Choose at least one integration.");

  await members.getByRole("checkbox", { name: /Ops email/ }).check();
  await page.getByLabel("Name (optional)").fill("On call");
  await page.getByRole("button", { name: "Save integration" }).click();
  await expect(page).toHaveURL(/\/integrations\?saved=/);
  const card = page.getByRole("article", { name: /On call/ });
  await expect(card).toContainText("1 integration");

  await card.getByRole("link", { name: /Edit/ }).click();
  await expect(page.getByRole("heading", { name: "Edit Group integration", level: 1 })).toBeVisible();
  await waitForHydration(page);
  const editMembers = page.getByRole("group", { name: "Integrations" });
  await expect(editMembers.getByRole("checkbox", { name: /Ops email/ })).toBeChecked();
  await expect(editMembers.getByRole("checkbox", { name: /Dev email/ })).not.toBeChecked();
  await editMembers.getByRole("checkbox", { name: /Dev email/ }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/integrations\?saved=/);
  await expect(page.getByRole("article", { name: /On call/ })).toContainText("2 integrations");

  // The group itself is never offered as a member of another group.
  await page.goto(integrationsUrl);
  await page.getByRole("link", { name: "Add Group integration" }).click();
  await expect(page.getByRole("heading", { name: "Add Group integration", level: 1 })).toBeVisible();
  await expect(page.getByRole("group", { name: "Integrations" }).getByRole("checkbox")).toHaveCount(3);
});
