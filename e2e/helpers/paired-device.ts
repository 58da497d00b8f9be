import { expect, type APIRequestContext } from "@playwright/test";
import { randomSandboxPhone, sandboxControl } from "./sandbox";
import { trpcQuery } from "./trpc";

/** Calls a tRPC mutation over HTTP with the request context's session cookie (superjson envelope). */
export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await response.json()) as { result?: { data?: { json?: T } }; error?: { json?: { message?: string } } };
  if (!response.ok() || !body.result?.data) {
    throw new Error(`tRPC ${path} failed (${response.status()}): ${body.error?.json?.message ?? "no result"}`);
  }
  return body.result.data.json as T;
}

/**
 * A device for `ownerEmail`, created by the admin and linked to a fresh sandbox phone through the QR code, without
 * going through the pages (devices.spec.ts covers that journey). Returns once the device is connected.
 */
export async function createPairedDevice(opts: {
  adminRequest: APIRequestContext;
  ownerRequest: APIRequestContext;
  ownerEmail: string;
  deviceName: string;
}): Promise<{ deviceId: string; phone: string }> {
  const users = await trpcQuery<{ items: Array<{ id: number; email: string }> }>(opts.adminRequest, "admin.users.list", { limit: 200 });
  const owner = users.items.find((u) => u.email === opts.ownerEmail);
  if (!owner) throw new Error(`No user ${opts.ownerEmail}`);
  const device = await trpcMutation<{ deviceId: string }>(opts.adminRequest, "device.create", { ownerId: owner.id, deviceName: opts.deviceName });
  const deviceId = device.deviceId;

  await trpcMutation(opts.ownerRequest, "device.connect", { deviceId });
  let qr = "";
  await expect
    .poll(
      async () => {
        qr = (await trpcQuery<{ qr: string | null }>(opts.ownerRequest, "device.qr", { deviceId })).qr ?? "";
        return qr;
      },
      { timeout: 30_000 },
    )
    .not.toBe("");

  const phone = randomSandboxPhone();
  const control = sandboxControl();
  await control.createAccount({ phone, name: `E2E ${opts.deviceName}` });
  await control.scanQR(qr, phone);
  await expect
    .poll(async () => (await trpcQuery<{ status: string }>(opts.ownerRequest, "device.status", { deviceId })).status, { timeout: 30_000 })
    .toBe("connected");
  return { deviceId, phone };
}
