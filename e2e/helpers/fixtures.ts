import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E_USERS } from "../support/users";

type Role = keyof typeof E2E_USERS;
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in through the real login form and waits for the dashboard. */
export async function signInThroughForm(page: Page, identifier: string, password: string): Promise<void> {
  await page.goto("/auth/login");
  await page.getByLabel(/username or email|nama pengguna atau email/i).fill(identifier);
  await page.getByLabel(/^password$|^kata sandi$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$|^masuk$/i }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function signedInState(browser: Browser, role: Role, baseURL: string | undefined): Promise<StorageState> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInThroughForm(page, E2E_USERS[role].email, E2E_USERS[role].password);
  const state = await context.storageState();
  await context.close();
  return state;
}

interface WorkerFixtures {
  adminState: StorageState;
  userState: StorageState;
}

interface TestFixtures {
  adminPage: Page;
  userPage: Page;
}

/**
 * Signs each seeded account in once per worker and reuses the session cookie: the login endpoint is rate-limited
 * per IP, and every spec signing in again would trip it.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  adminState: [async ({ browser }, provide, workerInfo) => provide(await signedInState(browser, "admin", workerInfo.project.use.baseURL)), { scope: "worker" }],
  userState: [async ({ browser }, provide, workerInfo) => provide(await signedInState(browser, "user", workerInfo.project.use.baseURL)), { scope: "worker" }],
  adminPage: async ({ browser, adminState, baseURL }, provide) => {
    const context = await browser.newContext({ baseURL, storageState: adminState });
    await provide(await context.newPage());
    await context.close();
  },
  userPage: async ({ browser, userState, baseURL }, provide) => {
    const context = await browser.newContext({ baseURL, storageState: userState });
    await provide(await context.newPage());
    await context.close();
  },
});

export { expect };
export { E2E_USERS };
