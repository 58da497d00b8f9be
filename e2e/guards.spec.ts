import { expect, test } from "./helpers/fixtures";

test.describe("route protection", () => {
  for (const path of ["/dashboard", "/devices", "/send-message", "/profile", "/admin/devices", "/sandbox"]) {
    test(`an anonymous visitor to ${path} is sent to the login page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/auth\/login/);
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    });
  }

  test("a normal user is refused the admin pages and sees no admin navigation", async ({ userPage }) => {
    await userPage.goto("/dashboard");
    const nav = userPage.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Devices" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "All devices" })).toHaveCount(0);
    for (const path of ["/admin", "/admin/devices", "/admin/users", "/analytics", "/sandbox"]) {
      await userPage.goto(path);
      // Told why, on the URL they opened, with a way back; no admin data is shown.
      await expect(userPage).toHaveURL(new RegExp(`${path}$`));
      const refusal = userPage.getByTestId("admin-required");
      await expect(refusal.getByRole("heading", { name: "This page needs an administrator" })).toBeVisible();
      await expect(refusal.getByRole("link", { name: "Go to dashboard" })).toBeVisible();
    }
    await userPage.getByTestId("admin-required").getByRole("link", { name: "Go to dashboard" }).click();
    await expect(userPage).toHaveURL(/\/dashboard$/);
  });

  test("an admin sees the administration section", async ({ adminPage }) => {
    await adminPage.goto("/admin/users");
    await expect(adminPage.getByTestId("users-table")).toBeVisible();
    const nav = adminPage.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "All devices" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Sandbox" })).toBeVisible();
  });
});
