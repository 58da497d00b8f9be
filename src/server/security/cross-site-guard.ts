/**
 * CSRF defence for every state-changing request (and the export download): the request must come from our own
 * origin, and carry a body type that a cross-site HTML form cannot produce. SameSite=Lax cookies alone are not
 * enough: "same-site" includes other ports and subdomains, and older browsers ignore the attribute.
 */
export interface GuardedRequest {
  method: string;
  pathname: string;
  headers: Headers;
}

export interface Refusal {
  status: 403 | 415;
  code: "CROSS_SITE_REQUEST" | "UNSUPPORTED_MEDIA_TYPE";
  message: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Routes whose GET still acts for the user (the export writes an activity row and hands over every contact). */
const SENSITIVE_GET_PREFIXES = ["/api/export/"];

/**
 * Routes that an API key alone authenticates: they never read a cookie, so a forged cross-site request carries no
 * credentials and is no CSRF risk; refusing it would only block browser-based integrations.
 */
const KEY_ONLY_PREFIXES = ["/api/v1/", "/api/whatsapp-multi-device/"];

/** The body type each state-changing API route accepts; next-auth's form posts carry its own CSRF token. */
function requiredContentType(pathname: string): string | null {
  if (pathname.startsWith("/api/trpc/") || pathname === "/api/trpc") return "application/json";
  if (pathname === "/api/media") return "application/octet-stream";
  return null;
}

function contentTypeOf(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
}

/** Hosts this app answers as: the Host header, a trusted proxy's X-Forwarded-Host, and the configured public URL. */
function ownHosts(headers: Headers): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  if (process.env.TRUST_PROXY === "true") {
    const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    if (forwarded) hosts.add(forwarded.toLowerCase());
  }
  const publicUrl = process.env.NEXTAUTH_URL;
  if (publicUrl && URL.canParse(publicUrl)) hosts.add(new URL(publicUrl).host.toLowerCase());
  return hosts;
}

function isCrossSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin !== null) {
    // "null" is what sandboxed frames, data: pages and some redirects send: never our own pages.
    if (!URL.canParse(origin)) return true;
    return !ownHosts(headers).has(new URL(origin).host.toLowerCase());
  }
  // No Origin (older browsers on some requests): the fetch metadata says where the request came from.
  const site = headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

/** Null when the request may proceed; otherwise why it is refused. Clients without Origin/Sec-Fetch-Site (curl, scripts) pass. */
export function crossSiteRefusal(request: GuardedRequest): Refusal | null {
  if (KEY_ONLY_PREFIXES.some((prefix) => request.pathname.startsWith(prefix))) return null;
  const method = request.method.toUpperCase();
  const safe = SAFE_METHODS.has(method);
  if (safe && !SENSITIVE_GET_PREFIXES.some((prefix) => request.pathname.startsWith(prefix))) return null;
  if (isCrossSite(request.headers)) {
    return { status: 403, code: "CROSS_SITE_REQUEST", message: "Cross-site requests are not allowed" };
  }
  if (safe) return null;
  const required = requiredContentType(request.pathname);
  if (required && contentTypeOf(request.headers) !== required) {
    return { status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: `This request must be sent as ${required}` };
  }
  return null;
}
