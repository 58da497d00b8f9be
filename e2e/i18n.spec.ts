import { expect, test } from "./helpers/fixtures";

test.describe("language", () => {
  test("the login page switches to Indonesian and back", async ({ page }) => {
    await page.goto("/auth/login");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByTestId("language-switch").click();
    await page.getByRole("menuitemradio", { name: "Bahasa Indonesia" }).click();
    await expect(page.getByRole("heading", { name: "Masuk" })).toBeVisible();
    await expect(page.getByLabel("Nama pengguna atau email")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "id");

    await page.getByTestId("language-switch").click();
    await page.getByRole("menuitemradio", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("the app shell switches to Indonesian, keeps it across pages, and back", async ({ userPage }) => {
    await userPage.goto("/devices");
    await userPage.getByTestId("language-switch").click();
    await userPage.getByRole("menuitemradio", { name: "Bahasa Indonesia" }).click();
    await expect(userPage.getByRole("heading", { name: "Perangkat" })).toBeVisible();
    const nav = userPage.getByRole("navigation", { name: "Navigasi utama" });
    await nav.getByRole("link", { name: "Dasbor" }).click();
    await expect(userPage.getByRole("heading", { name: "Dasbor" })).toBeVisible();

    await userPage.getByTestId("language-switch").click();
    await userPage.getByRole("menuitemradio", { name: "English" }).click();
    await expect(userPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });
});
