import { collectConsoleErrors } from "./helpers/console";
import { E2E_USERS, expect, test } from "./helpers/fixtures";
import { createPairedDevice, trpcMutation } from "./helpers/paired-device";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

/**
 * The sandbox's failing recipients: a number without WhatsApp, typed the local way, makes a send fail with that
 * reason; an offline phone keeps a message waiting until it is brought online from /sandbox.
 */
test("a number marked not on WhatsApp in /sandbox makes a send fail with that reason", async ({ adminPage: page }) => {
  test.setTimeout(90_000);
  const consoleErrors = collectConsoleErrors(page);
  const suffix = Date.now().toString(36);
  const { deviceId } = await createPairedDevice({
    adminRequest: page.request,
    ownerRequest: page.request,
    ownerEmail: E2E_USERS.admin.email,
    deviceName: `Failing line ${suffix}`,
  });

  // A local Indonesian number, written as people write it.
  const local = `0819${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;
  const e164 = `+62${local.slice(1)}`;
  await page.goto("/sandbox");
  const card = page.getByTestId("not-on-whatsapp");
  await card.getByLabel("Phone number").fill(local);
  await card.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText(`${e164} is now a number without WhatsApp.`)).toBeVisible();
  await expect(card.getByText(e164, { exact: true })).toBeVisible();

  await page.goto("/send-message");
  await page.getByRole("combobox", { name: "From device" }).click();
  await page.getByRole("option", { name: new RegExp(`Failing line ${suffix}`) }).click();
  await page.getByLabel("To (phone number)").fill(local);
  await page.getByLabel("Message").fill(`Anyone there? ${suffix}`);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("This number is not on WhatsApp")).toBeVisible();

  await page.goto(`/devices/${encodeURIComponent(deviceId)}`);
  const row = page.getByTestId("message-row").filter({ hasText: `Anyone there? ${suffix}` });
  await expect(row.getByTestId("message-status")).toHaveText("Failed");
  expect(await sandboxControl().account(e164.slice(1))).toBeUndefined();

  // Removed from the list, the number is reachable again.
  await page.goto("/sandbox");
  await page.getByTestId("not-on-whatsapp").getByRole("button", { name: `Remove ${e164}` }).click();
  await expect(page.getByTestId("not-on-whatsapp").getByText("No numbers yet")).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("an offline phone holds a message until it is brought online from /sandbox", async ({ adminPage: page }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const { deviceId } = await createPairedDevice({
    adminRequest: page.request,
    ownerRequest: page.request,
    ownerEmail: E2E_USERS.admin.email,
    deviceName: `Offline line ${suffix}`,
  });
  const customer = randomSandboxPhone();
  await sandboxControl().createAccount({ phone: customer, name: `Sleepy ${suffix}` });

  await page.goto("/sandbox");
  await page.getByRole("button", { name: new RegExp(`Sleepy ${suffix}`) }).click();
  const behaviour = page.getByTestId("phone-behaviour");
  await behaviour.getByRole("switch", { name: "Online" }).click();
  await expect(page.getByText(`+${customer} is offline; messages to it wait.`)).toBeVisible();

  const sent = await trpcMutation<{ id: number }>(page.request, "message.sendText", { deviceId, to: `+${customer}`, text: `Wake up ${suffix}` });
  await expect(behaviour.getByTestId("held-messages")).toHaveText("Messages waiting: 1", { timeout: 20_000 });
  await page.goto(`/devices/${encodeURIComponent(deviceId)}`);
  const row = page.getByTestId("message-row").filter({ hasText: `Wake up ${suffix}` });
  await expect(row.getByTestId("message-status")).toHaveText("Sent");

  await page.goto("/sandbox");
  await page.getByRole("button", { name: new RegExp(`Sleepy ${suffix}`) }).click();
  await page.getByTestId("phone-behaviour").getByRole("button", { name: "Bring online" }).click();
  await page.goto(`/devices/${encodeURIComponent(deviceId)}`);
  await expect(page.getByTestId("message-row").filter({ hasText: `Wake up ${suffix}` }).getByTestId("message-status")).toHaveText("Read", {
    timeout: 30_000,
  });
  expect(sent.id).toBeGreaterThan(0);
});
