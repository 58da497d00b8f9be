import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  AUTO_MIGRATE: bool,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_DIR: z.string().optional(),
  WA_MODE: z.enum(["live", "sandbox"]).default("live"),
  WA_SANDBOX_URL: z.string().url().default("http://127.0.0.1:7780"),
  // 32 bytes, hex (64 chars) or base64, for AES-256-GCM of WhatsApp credentials at rest.
  WA_AUTH_KEY: z.string().min(32, "WA_AUTH_KEY must be 32 bytes as hex or base64"),
  DEFAULT_COUNTRY_CODE: z
    .string()
    .regex(/^\d{1,3}$/, "DEFAULT_COUNTRY_CODE is a calling code such as 62")
    .default("62"),
  // Where media files (uploads and downloaded incoming media) are stored, by content hash.
  MEDIA_DIR: z.string().min(1).default("./data/media"),
  // Per-type upload and download limits in MiB (WhatsApp's own: 16 for image/audio/video on most clients, 100 for documents).
  MEDIA_MAX_IMAGE_MB: z.coerce.number().positive().max(100).default(16),
  MEDIA_MAX_VIDEO_MB: z.coerce.number().positive().max(100).default(64),
  MEDIA_MAX_AUDIO_MB: z.coerce.number().positive().max(100).default(16),
  MEDIA_MAX_DOCUMENT_MB: z.coerce.number().positive().max(2000).default(100),
  // Files no message uses (abandoned uploads, media of deleted devices) are deleted after this many hours.
  MEDIA_UNUSED_UPLOAD_HOURS: z.coerce.number().positive().default(24),
  // /metrics (Prometheus) is off unless one of these is set: a bearer token, and/or addresses or CIDR ranges.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  METRICS_ALLOW_IPS: z.string().optional(),
  // Statistics count days in this zone (IANA name). After changing it, rebuild past days: npm run stats:rebuild.
  REPORTING_TIME_ZONE: z
    .string()
    .default("Asia/Jakarta")
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, "REPORTING_TIME_ZONE must be an IANA time zone such as Asia/Jakarta or UTC"),
  // Chat blast: recipients per job, and the largest recipient CSV accepted (bytes, as stored).
  JOB_MAX_RECIPIENTS: z.coerce.number().int().positive().max(1_000_000).default(10_000),
  JOB_CSV_MAX_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  RATE_LIMIT_API_POINTS: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_API_WINDOW_SEC: z.coerce.number().int().positive().default(60),
  RATE_LIMIT_LOGIN_PER_IP: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_LOGIN_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  RATE_LIMIT_LOGIN_WINDOW_SEC: z.coerce.number().int().positive().default(900),
  // Outgoing webhooks: private/loopback/link-local receivers are refused unless allowed; slow receivers time out.
  WEBHOOK_ALLOW_PRIVATE: bool,
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  // Attempts per delivery and the first retry delay (doubling with jitter): 12 from 40 s span about a day.
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(12),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(40_000),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validates process.env once; a bad or missing variable stops the process with a clear message. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    ...process.env,
    // An empty string in .env means "unset".
    ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v === "").map(([k]) => [k, undefined])),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between runs. */
export function resetEnvCache(): void {
  cached = undefined;
}
