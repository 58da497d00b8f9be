import { collectConsoleErrors } from "./helpers/console";
import { expect, test } from "./helpers/fixtures";
import { randomSandboxPhone, sandboxControl } from "./helpers/sandbox";

const SHOTS = "test-results/sandbox-groups";

/**
 * /sandbox shows a phone's groups: it creates one, posts in it, sees what the others post, and an ex-member that
 * still listens sees the next message as undecryptable.
 */
test("a sandbox phone creates a group, posts in it and reads the others; an ex-member cannot decrypt", async ({ adminPage: page }) => {
  test.setTimeout(90_000);
  const consoleErrors = collectConsoleErrors(page);
  const control = sandboxControl();
  const suffix = Date.now().toString(36);
  const [budi, citra, dewi] = [randomSandboxPhone(), randomSandboxPhone(), randomSandboxPhone()];
  await control.createAccount({ phone: budi, name: `Budi ${suffix}` });
  await control.createAccount({ phone: citra, name: `Citra ${suffix}` });
  await control.createAccount({ phone: dewi, name: `Dewi ${suffix}` });

  await page.goto("/sandbox");
  await page.getByRole("button", { name: new RegExp(`Budi ${suffix}`) }).click();
  await expect(page.getByText("This phone is in no group yet")).toBeVisible();
  await page.getByLabel("Group name").fill(`Arisan ${suffix}`);
  await page.getByRole("textbox", { name: "Members" }).fill(`+${citra}, +${dewi}`);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByText(`Group Arisan ${suffix} created.`)).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`Arisan ${suffix}.*3 members`) })).toHaveAttribute("aria-pressed", "true");
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByText(`+${budi} · creator`)).toBeVisible();

  await page.getByRole("textbox", { name: "Message to the group" }).fill(`Halo semua ${suffix}`);
  await page.getByRole("button", { name: "Send to the group" }).click();
  const chat = page.getByTestId("sandbox-group-chat");
  await expect(chat.getByText(`Halo semua ${suffix}`)).toBeVisible();
  await expect(chat.getByText(/^This phone ·/)).toBeVisible();
  const [group] = await control.groups(budi);
  expect(await control.waitForGroupMessage(citra, { groupId: group!.id, text: `Halo semua ${suffix}` })).toMatchObject({ decrypted: true, from: budi });

  // Citra answers: Budi's chat shows it (polled).
  await control.sendGroupText(citra, group!.id, `Siap ${suffix}`);
  await expect(chat.getByText(`Siap ${suffix}`)).toBeVisible({ timeout: 15_000 });
  await expect(chat.getByText(new RegExp(`Citra ${suffix} \\+${citra}`))).toBeVisible();

  // Dewi is removed but keeps listening: Budi's next message (a new sender key) is unreadable for her.
  await control.listenToGroup(dewi, group!.id);
  await control.updateGroupParticipants(budi, group!.id, "remove", [dewi]);
  await page.getByRole("textbox", { name: "Message to the group" }).fill(`Tanpa Dewi ${suffix}`);
  await page.getByRole("button", { name: "Send to the group" }).click();
  await expect(chat.getByText(`Tanpa Dewi ${suffix}`)).toBeVisible();
  await expect.poll(async () => (await control.groupMessages(dewi, group!.id)).length, { timeout: 15_000 }).toBe(3);
  await page.screenshot({ path: `${SHOTS}/budi-1280.png`, fullPage: true });

  await page.getByRole("button", { name: new RegExp(`Dewi ${suffix}`) }).click();
  // No longer a member: her list is empty, yet the group's copy reached her undecryptable (checked through the API).
  await expect(page.getByText("This phone is in no group yet")).toBeVisible();
  const atDewi = await control.groupMessages(dewi, group!.id);
  expect(atDewi.map((m) => [m.text, m.decrypted, m.member])).toEqual([
    [`Halo semua ${suffix}`, true, true],
    [`Siap ${suffix}`, true, true],
    ["", false, false],
  ]);

  await page.getByRole("button", { name: new RegExp(`Budi ${suffix}`) }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("sandbox-group-chat").getByText(`Tanpa Dewi ${suffix}`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/budi-390.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});
