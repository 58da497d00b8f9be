import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/server/security/security-headers";

const nextConfig: NextConfig = {
  // Baileys pulls optional media peers (jimp, sharp) that the bundler cannot resolve; sockets live in the custom server anyway.
  serverExternalPackages: ["baileys", "pino", "mariadb", "@prisma/adapter-mariadb", "libsignal", "prom-client"],
  poweredByHeader: false,
  // `npm run typecheck` (tsc over the whole repo, tests included) runs in CI; checking again inside next build only costs time.
  typescript: { ignoreBuildErrors: true },
  // The Content-Security-Policy is set per request by src/proxy.ts (pages need a fresh nonce; media keeps its own).
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default nextConfig;
