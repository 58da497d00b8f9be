import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal } from "@/server/security/cross-site-guard";
import { API_CONTENT_SECURITY_POLICY, pageContentSecurityPolicy } from "@/server/security/security-headers";

/**
 * Runs before every route, in dev and production alike: refuses cross-site state changes, and gives each page a
 * script nonce in its Content-Security-Policy. /api/media/<id> keeps the sandboxing policy its route sets.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const refusal = crossSiteRefusal({ method: request.method, pathname, headers: request.headers });
  if (refusal) {
    return NextResponse.json(
      { error: refusal.message, code: refusal.code },
      { status: refusal.status, headers: { "cache-control": "no-store", "content-security-policy": API_CONTENT_SECURITY_POLICY } },
    );
  }
  if (pathname.startsWith("/api/media/")) return NextResponse.next();
  // The API reference is a page (it runs Swagger UI), so it gets a page's nonce policy below.
  if (pathname.startsWith("/api/") && pathname !== "/api/docs") {
    const response = NextResponse.next();
    response.headers.set("content-security-policy", API_CONTENT_SECURITY_POLICY);
    return response;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // Next reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
