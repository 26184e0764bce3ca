// Flows 3-5: adding and renaming a check, its period and grace, and a cron schedule.
import { expect, test } from "./slow-fixture";
import { } from "@playwright/test";
import { addCheck, signUp, uniqueEmail } from "../helpers";

test("adds a check from the dashboard and renames it", async ({ page }) => {
  await signUp(page, uniqueEmail("erin"));
  const code = await addCheck(page, "Nightly backup");

  await page.getByLabel("Name", { exact: true }).fill("Nightly database backup");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nightly database backup", level: 1 })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Nightly database backup");
  await page.getByRole("link", { name: /all checks$/ }).click();
  const link = page.getByRole("link", { name: "Nightly database backup" });
  await expect(link).toHaveAttribute("href", `/checks/${code}/details`);
  await expect(page.getByRole("link", { name: "Nightly backup", exact: true })).toHaveCount(0);
});

test("sets the period and grace time in the dialog and shows them on the details page and the dashboard", async ({ page }) => {
  await signUp(page, uniqueEmail("frank"));
  await addCheck(page, "Hourly sync");

  await page.getByRole("button", { name: "Change period" }).click();
  const dialog = page.getByRole("dialog", { name: "Period and grace time" });
  await expect(dialog).toBeVisible();
  // The exact value: a number and a unit.
  await dialog.getByLabel("Period unit").selectOption("hours");
  await dialog.getByLabel("Period", { exact: true }).fill("6");
  await expect(dialog.getByText("21,600 seconds")).toBeVisible();
  // The slider: from the default 1 hour, two steps up its scale are 3 hours.
  const grace = dialog.getByRole("slider", { name: "Grace time (slider)" });
  await expect(grace).toHaveAttribute("aria-valuetext", "1 hour");
  await grace.focus();
  await grace.press("ArrowRight");
  await grace.press("ArrowRight");
  await expect(grace).toHaveAttribute("aria-valuetext", "3 hours");
  await expect(dialog.getByLabel("Grace time", { exact: true })).toHaveValue("3");
  await dialog.getByRole("button", { name: "Save period" }).click();
  await expect(dialog).toBeHidden();

  const schedule = page.getByRole("heading", { name: "Schedule" }).locator("xpath=ancestor::section[1]");
  await expect(schedule.getByRole("definition").first()).toHaveText("6 hours");
  await expect(schedule.getByRole("definition").nth(1)).toHaveText("3 hours");

  await page.getByRole("link", { name: /all checks$/ }).click();
  const row = page.getByRole("row", { name: /Hourly sync/ });
  await expect(row).toContainText("every 6 hours");
  await expect(row).toContainText("grace 3 hours");
});

test("sets a cron schedule with a live description, next runs and validation", async ({ page }) => {
  await signUp(page, uniqueEmail("grace"));
  await addCheck(page, "Backup at three");

  await page.getByRole("button", { name: "Use a cron schedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Cron or OnCalendar schedule" });
  const expression = dialog.getByLabel("Cron or OnCalendar expression");

  await expression.fill("0 25 * * *");
  await expect(dialog.getByText("Not valid: schedule is not a valid cron or OnCalendar expression")).toBeVisible();
  // Saving anyway is refused with the error next to the field.
  await dialog.getByRole("button", { name: "Save schedule" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/^Schedule is not a valid cron or OnCalendar expression/);
  await expect(expression).toHaveAttribute("aria-invalid", "true");

  await expression.fill("0 3 * * *");
  await dialog.getByLabel("Time zone").fill("Europe/Riga");
  await expect(dialog.getByText("At 03:00 every day")).toBeVisible();
  await expect(dialog.getByText("(cron, Europe/Riga)")).toBeVisible();
  const runs = dialog.getByRole("listitem");
  await expect(runs).toHaveCount(5);
  for (const run of await runs.all()) await expect(run).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{4}-\d\d-\d\d 03:00 GMT\+[23]$/);

  await dialog.getByRole("button", { name: "Save schedule" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("At 03:00 every day")).toBeVisible();
  await expect(page.getByText("Europe/Riga", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: /all checks$/ }).click();
  const row = page.getByRole("row", { name: /Backup at three/ });
  await expect(row).toContainText("0 3 * * *");
  await expect(row).toContainText("Europe/Riga · grace 1 hour");
});
