import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, signInThroughForm, test } from "./helpers/fixtures";

test.describe("authentication", () => {
  test("a visitor registers, signs in and signs out", async ({ page }) => {
    const errors = collectConsoleErrors(page);
    const suffix = Date.now().toString(36);
    const username = `newbie_${suffix}`;
    const password = "newbie-password-1";

    await page.goto("/auth/register");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Must be at least 3 characters.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();

    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Email").fill(`${username}@example.test`);
    await page.getByLabel(/Full name/).fill("New Bie");
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill("something-else");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("The passwords do not match.")).toBeVisible();

    await page.getByLabel("Confirm password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/auth\/login\?registered=1/);
    await expect(page.getByText("Account created. Sign in with your new password.")).toBeVisible();

    await signInThroughForm(page, username, password);
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-status", "live");

    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/auth\/login/);
    await page.goto("/devices");
    await expect(page).toHaveURL(/\/auth\/login/);
    expect(errors).toEqual([]);
  });

  test("wrong password and an already-registered email are explained", async ({ page }) => {
    await page.goto("/auth/login");
    await page.getByLabel("Username or email").fill(E2E_USERS.user.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("Wrong username/email or password.");

    await page.goto("/auth/register");
    await page.getByLabel("Username").fill(`other_${Date.now().toString(36)}`);
    await page.getByLabel("Email").fill(E2E_USERS.user.email);
    await page.getByLabel("Password", { exact: true }).fill("some-password-1");
    await page.getByLabel("Confirm password").fill("some-password-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("That email is already registered.")).toBeVisible();
  });

  test("too many sign-in attempts are explained, in English and Indonesian", async ({ page }) => {
    // The per-account limit (5 per window): an account name of its own, so no other test is slowed down.
    const identifier = `nobody_${Date.now().toString(36)}`;
    await page.goto("/auth/login");
    await page.getByLabel("Username or email").fill(identifier);
    await page.getByLabel("Password").fill("not-the-password");
    // Each answer is awaited, so an error still shown from the previous attempt cannot pass for the new one.
    const submit = async (name: string) => {
      await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
        page.getByRole("button", { name }).click(),
      ]);
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await submit("Sign in");
      await expect(page.getByTestId("form-error")).toHaveText("Wrong username/email or password.");
    }
    await submit("Sign in");
    await expect(page.getByTestId("form-error")).toHaveText(/^Too many attempts\. Try again in \d+ seconds\.$/);

    await page.getByTestId("language-switch").click();
    await page.getByRole("menuitemradio", { name: "Bahasa Indonesia" }).click();
    await expect(page.getByRole("heading", { name: "Masuk" })).toBeVisible();
    await page.getByLabel("Nama pengguna atau email").fill(identifier);
    await page.getByLabel("Kata sandi").fill("not-the-password");
    await submit("Masuk");
    await expect(page.getByTestId("form-error")).toHaveText(/^Terlalu banyak percobaan\. Coba lagi dalam \d+ detik\.$/);
  });
});
