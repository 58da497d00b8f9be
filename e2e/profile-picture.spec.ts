import { collectConsoleErrors } from "./helpers/console";
import { expect, test } from "./helpers/fixtures";
import { makePdf, makePng } from "../tests/helpers/media-files";

/** A picture uploaded on /profile shows up in the header and the menu; a PDF is refused with the reason; remove undoes it. */
test("a profile picture uploaded on /profile is shown in the header and the user menu", async ({ userPage: page }) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.goto("/profile");
  const card = page.getByTestId("profile-picture");
  const header = page.getByTestId("user-menu");
  await expect(header.getByTestId("user-avatar-image")).toHaveCount(0);

  await card.getByTestId("avatar-file-input").setInputFiles({ name: "not-a-photo.png", mimeType: "image/png", buffer: makePdf("a document") });
  await expect(card.getByText("A profile picture must be a JPEG, PNG, WebP or GIF image")).toBeVisible();

  await card.getByTestId("avatar-file-input").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: makePng(400, 300) });
  await expect(page.getByText("Profile picture updated.")).toBeVisible();
  const image = header.getByTestId("user-avatar-image");
  await expect(image).toBeVisible();
  // The browser really decoded the served picture: a square, scaled by the server.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.complete, img.naturalWidth, img.naturalHeight])).toEqual([true, 256, 256]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/profile-picture/profile-390.png" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await header.click();
  await expect(page.getByRole("menu").getByTestId("user-avatar-image")).toBeVisible();
  await page.screenshot({ path: "test-results/profile-picture/menu-1280.png" });
  await page.keyboard.press("Escape");

  await card.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Profile picture removed.")).toBeVisible();
  await expect(header.getByTestId("user-avatar-image")).toHaveCount(0);
  // The refused PDF is the only failed request Chromium reports.
  expect(consoleErrors).toEqual([expect.stringContaining("status of 415 (Unsupported Media Type) (http://127.0.0.1")]);
});
