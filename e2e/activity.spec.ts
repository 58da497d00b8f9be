import { expect, test } from "./helpers/fixtures";

/** The user's own actions, in words, in both languages, with a filter and an empty state. */
test.describe("activity", () => {
  test("shows the user's actions, filters them, and speaks Indonesian", async ({ userPage, baseURL }) => {
    const name = `Uma ${Date.now().toString(36)}`;
    const response = await userPage.request.post("/api/trpc/auth.updateProfile", { data: { json: { fullName: name } } });
    expect(response.ok()).toBe(true);
    const templateName = `Welcome ${Date.now().toString(36)}`;
    const created = await userPage.request.post("/api/trpc/template.create", { data: { json: { name: templateName, body: "Hi {{name}}" } } });
    expect(created.ok()).toBe(true);

    await userPage.goto("/activity");
    await expect(userPage.getByRole("heading", { name: "Activity" })).toBeVisible();
    const row = userPage.getByTestId("activity-row").filter({ hasText: "Updated the profile" }).first();
    await expect(row).toBeVisible();
    // Sentences, not keys or internal ids.
    await expect(row.getByTestId("activity-details")).toHaveText("Changed: full name.");
    await expect(row).toHaveAttribute("data-action", "profile.update");
    const templateRow = userPage.getByTestId("activity-row").filter({ hasText: "Created a template" }).first();
    await expect(templateRow.getByTestId("activity-details")).toHaveText(`“${templateName}”`);
    await expect(userPage.getByTestId("activity-row").first()).not.toContainText("baseId");

    await userPage.getByRole("combobox", { name: "Show" }).click();
    await userPage.getByRole("option", { name: "Chat blasts" }).click();
    await expect(userPage.getByText("No activity of this kind")).toBeVisible();
    await userPage.getByRole("combobox", { name: "Show" }).click();
    await userPage.getByRole("option", { name: "Profile" }).click();
    await expect(userPage.getByTestId("activity-row").first()).toHaveAttribute("data-action", "profile.update");

    await userPage.context().addCookies([{ name: "sb-locale", value: "id", url: baseURL ?? "" }]);
    await userPage.reload();
    await expect(userPage.getByRole("heading", { name: "Aktivitas" })).toBeVisible();
    const idRow = userPage.getByTestId("activity-row").filter({ hasText: "Memperbarui profil" }).first();
    await expect(idRow.getByTestId("activity-details")).toHaveText("Diubah: nama lengkap.");
    await userPage.context().addCookies([{ name: "sb-locale", value: "en", url: baseURL ?? "" }]);
  });
});
