// Flows 1 and 2: sign-up and sign-in by emailed link, and sign-in by password.
import { expect, test } from "./slow-fixture";
import { } from "@playwright/test";
import { expectDashboard, firstLink, mailCount, openSignInLink, signOut, signUp, uniqueEmail, waitForHydration, waitForMail } from "../helpers";

test("signs up by email, lands on the first check, signs out and back in with a new link", async ({ page }) => {
  const email = uniqueEmail("alice");
  await signUp(page, email);
  await expect(page.getByRole("link", { name: "My First Check" })).toBeVisible();

  await signOut(page, email);
  await page.goto("/");
  await expect(page).toHaveURL(/\/accounts\/login/);
  await waitForHydration(page);

  const before = mailCount();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const mail = await waitForMail(email, /^Sign in to Vigil$/, before);
  await openSignInLink(page, mail);
  await expectDashboard(page);
  await expect(page.getByRole("link", { name: "My First Check" })).toBeVisible();

  // The link worked once: opening it again offers a new one instead of signing in.
  await signOut(page, email);
  await page.goto(firstLink(mail.text));
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
});

test("signs in with email and password after setting a password on the profile page", async ({ page }) => {
  const email = uniqueEmail("bob");
  const password = "correct horse battery staple";
  await signUp(page, email);

  await page.goto("/accounts/profile");
  await expect(page.getByRole("heading", { name: "Account settings", level: 1 })).toBeVisible();
  await waitForHydration(page);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByText("Password saved.")).toBeVisible();

  await signOut(page, email);
  await page.getByRole("button", { name: "Sign in with a password instead" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/accounts\/login/);

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectDashboard(page);
  await expect(page.getByRole("link", { name: "My First Check" })).toBeVisible();
});
