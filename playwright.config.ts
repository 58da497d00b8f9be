import { defineConfig, devices } from "@playwright/test";
import { E2E_SANDBOX_TOKEN } from "./e2e/support/sandbox-token";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 7790);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
export const E2E_SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // Prepares its own database, then runs the production build in WhatsApp sandbox mode (the server starts the sandbox process).
    command: "npx tsx e2e/support/prepare-db.ts && node dist/server.mjs",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_e2e",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
      NEXTAUTH_URL: E2E_BASE_URL,
      HOST: "127.0.0.1",
      PORT: String(PORT),
      WA_MODE: "sandbox",
      WA_SANDBOX_URL: E2E_SANDBOX_URL,
      SANDBOX_CONTROL_TOKEN: E2E_SANDBOX_TOKEN,
      WA_AUTH_KEY: "1".repeat(64),
      LOG_LEVEL: "warn",
      // Specs sign in many times from one address; the limiter itself is covered by the integration tests.
      RATE_LIMIT_LOGIN_PER_IP: "1000",
      // Webhook specs deliver to a receiver the test starts on loopback.
      WEBHOOK_ALLOW_PRIVATE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
