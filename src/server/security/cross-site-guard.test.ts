import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./cross-site-guard";

const req = (method: string, pathname: string, headers: Record<string, string>) => ({ method, pathname, headers: new Headers({ host: "app.test", ...headers }) });

describe("crossSiteRefusal", () => {
  it("lets reads, same-origin JSON mutations and header-less clients through", () => {
    expect(crossSiteRefusal(req("GET", "/api/trpc/device.list", { origin: "http://evil.example" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", "/api/trpc/device.create", { origin: "http://app.test", "content-type": "application/json" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", "/api/trpc/device.create", { "content-type": "application/json; charset=utf-8" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", "/api/media", { "sec-fetch-site": "same-origin", "content-type": "application/octet-stream" }))).toBeNull();
    expect(crossSiteRefusal(req("GET", "/api/export/contacts", { "sec-fetch-site": "none" }))).toBeNull();
  });

  it("refuses other origins, opaque origins and cross-site fetch metadata with 403", () => {
    const forged: Array<Record<string, string>> = [
      { origin: "http://evil.example" },
      { origin: "null" },
      { origin: "http://app.test.evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
    ];
    for (const headers of forged) {
      expect(crossSiteRefusal(req("POST", "/api/trpc/device.create", { ...headers, "content-type": "application/json" }))?.status).toBe(403);
    }
    expect(crossSiteRefusal(req("GET", "/api/export/contacts", { "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(crossSiteRefusal(req("POST", "/api/auth/callback/credentials", { origin: "http://evil.example" }))?.status).toBe(403);
  });

  it("lets API-key routes through from anywhere: they never read cookies", () => {
    expect(crossSiteRefusal(req("POST", "/api/v1/devices/x/connect", { origin: "http://evil.example", "content-type": "text/plain" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", "/api/whatsapp-multi-device/devices", { "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(crossSiteRefusal(req("POST", "/api/v10/x", { origin: "http://evil.example" }))?.status).toBe(403);
  });

  it("refuses bodies a form can send with 415", () => {
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", ""]) {
      expect(crossSiteRefusal(req("POST", "/api/trpc/device.create", { "content-type": type }))?.status).toBe(415);
      expect(crossSiteRefusal(req("POST", "/api/media", { "content-type": type }))?.status).toBe(415);
    }
  });
});
