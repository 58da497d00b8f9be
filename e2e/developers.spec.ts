import type { Page } from "@playwright/test";
import { collectConsoleErrors } from "./helpers/console";
import { expect, test } from "./helpers/fixtures";

/**
 * The Developers page end to end: create an API key (shown once), call /api/v1 and a seed path with it from the
 * test, see its last use, revoke it (confirmed) and watch the same call answer 401; the API reference renders from
 * the local Swagger UI under the page's nonce policy; the page holds at 390 px and in Indonesian.
 */
test.describe.serial("developers", () => {
  const keyName = `CRM ${Date.now().toString(36)}`;
  let page: Page;
  let consoleErrors: string[] = [];
  let token = "";

  test.beforeAll(async ({ browser, userState, baseURL }) => {
    const context = await browser.newContext({ baseURL, storageState: userState });
    page = await context.newPage();
    consoleErrors = collectConsoleErrors(page);
  });

  test.afterAll(async () => {
    await page.context().close();
  });

  const row = () => page.getByTestId("api-key-row").filter({ hasText: keyName });

  test("create a key: it is shown once, with a copy button", async () => {
    await page.goto("/developers");
    await expect(page.getByRole("heading", { name: "Developers", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Webhooks" })).toHaveAttribute("href", "/developers/webhooks");
    await expect(page.getByRole("link", { name: "Open the API reference" })).toHaveAttribute("href", "/api/docs");
    // The shell's nav leads here.
    await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Developers" })).toBeVisible();

    await page.getByRole("button", { name: "New API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New API key" });
    // An ordinary user is never offered the admin scope.
    await expect(dialog.getByRole("checkbox")).toHaveCount(3);
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByText("Name the key")).toBeVisible();
    await dialog.getByLabel("Name").fill(keyName);
    await dialog.getByRole("checkbox", { name: /^Send/ }).check();
    await dialog.getByRole("button", { name: "Create key" }).click();

    const shown = page.getByRole("dialog", { name: "Copy your new key" });
    await expect(shown).toBeVisible();
    await expect(shown.getByRole("button", { name: "Copy key" })).toBeVisible();
    token = (await shown.getByTestId("api-key-token").textContent()) ?? "";
    expect(token).toMatch(/^sb_[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: test.info().outputPath("developers-key-shown-1280.png") });
    await shown.getByRole("button", { name: "Done" }).click();

    await expect(row()).toBeVisible();
    await expect(row().getByTestId("api-key-state")).toHaveText("Active");
    await expect(row()).toContainText(token.slice(0, 11));
    // Once closed, the token is gone from the page for good.
    await expect(page.getByText(token)).toHaveCount(0);
    await expect(row().getByTestId("api-key-last-used")).toHaveText("Never");
  });

  test("the key calls /api/v1 and the seed's paths; its last use shows", async ({ playwright, baseURL }) => {
    // A fresh client without the browser's cookies: the key alone authenticates.
    const api = await playwright.request.newContext({ baseURL });
    const devices = await api.get("/api/v1/devices", { headers: { authorization: `Bearer ${token}` } });
    expect(devices.status()).toBe(200);
    expect(await devices.json()).toMatchObject({ items: expect.any(Array) });
    const seed = await api.get("/api/whatsapp-multi-device/devices", { headers: { authorization: `Bearer ${token}` } });
    expect(await seed.json()).toMatchObject({ success: true, data: expect.any(Array) });
    // A scope the key lacks: 403, with a message that names it.
    const refused = await api.post("/api/v1/devices/none-such/connect", { headers: { authorization: `Bearer ${token}` }, data: {} });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "FORBIDDEN", message: 'This API key lacks the "devices" scope' });
    // The browser's own session is no credential for the REST API.
    const withCookie = await page.request.get("/api/v1/devices");
    expect(withCookie.status()).toBe(401);
    await api.dispose();

    await page.reload();
    await expect(row().getByTestId("api-key-last-used")).not.toHaveText("Never");
  });

  test("revoke after confirming: the key stops working", async ({ playwright, baseURL }) => {
    await row().getByRole("button", { name: `Actions for ${keyName}` }).click();
    const confirm = page.getByRole("alertdialog", { name: `Revoke “${keyName}”?` });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(row().getByTestId("api-key-state")).toHaveText("Active");
    await row().getByRole("button", { name: `Actions for ${keyName}` }).click();
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await expect(row().getByTestId("api-key-state")).toHaveText("Revoked");
    await expect(row().getByRole("button", { name: `Actions for ${keyName}` })).toHaveCount(0);

    const api = await playwright.request.newContext({ baseURL });
    const after = await api.get("/api/v1/devices", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    await api.dispose();
  });

  test("the API reference renders from the local viewer", async ({ baseURL }) => {
    // Swagger UI parses the whole document in the browser: slow on a loaded machine.
    test.setTimeout(120_000);
    const docs = await page.context().newPage();
    const docsErrors = collectConsoleErrors(docs);
    const external: string[] = [];
    docs.on("request", (request) => {
      if (!request.url().startsWith(baseURL ?? "")) external.push(request.url());
    });
    await docs.goto("/api/docs");
    await expect(docs.getByRole("heading", { name: /Switchboard API/ })).toBeVisible({ timeout: 90_000 });
    await expect(docs.getByText("/devices/{deviceId}/messages/text").first()).toBeVisible();
    await docs.screenshot({ path: test.info().outputPath("api-docs-1280.png") });
    expect(external, "nothing loads from another host").toEqual([]);
    expect(docsErrors, "no CSP violations or script errors").toEqual([]);
    const spec = await docs.request.get("/api/v1/openapi.json");
    expect((await spec.json()) as { openapi: string }).toMatchObject({ openapi: "3.1.0" });
    await docs.close();
  });

  test("the page at 390 px and in Indonesian", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/developers");
    await expect(row()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath("developers-390.png"), fullPage: true });

    await page.context().addCookies([{ name: "sb-locale", value: "id", url: page.url() }]);
    await page.goto("/developers");
    await expect(page.getByRole("heading", { name: "Pengembang", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Kunci API baru" }).first()).toBeVisible();
    await expect(row().getByTestId("api-key-state")).toHaveText("Dicabut");
    await page.screenshot({ path: test.info().outputPath("developers-390-id.png"), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
