import { tmpdir } from "node:os";
import path from "node:path";

/** Environment for integration tests: a dedicated database, quiet logs, fixed secrets, a throw-away media folder. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/switchboard_test";

export function applyTestEnv(): void {
  process.env.DATABASE_URL = TEST_DATABASE_URL;
  process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";
  process.env.WA_AUTH_KEY ??= "0".repeat(64);
  process.env.LOG_LEVEL ??= "silent";
  process.env.WA_MODE ??= "sandbox";
  process.env.RATE_LIMIT_API_POINTS ??= "100000";
  // Test receivers listen on loopback.
  process.env.WEBHOOK_ALLOW_PRIVATE ??= "true";
  process.env.MEDIA_DIR ??= path.join(tmpdir(), `switchboard-test-media-${process.pid}`);
}
