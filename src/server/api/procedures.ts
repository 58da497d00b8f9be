import { z } from "zod";
import { AppError } from "../errors";
import { deviceSelect } from "../services/devices/device-select";
import { readAccountAndOwnedDevice } from "../services/devices/find-owned-device";
import { admitAccount, sessionProcedure } from "./trpc";

export const zDeviceId = z
  .string()
  .trim()
  .min(3, "Device id is too short")
  .max(100, "Device id is too long")
  .regex(/^[A-Za-z0-9_-]+$/, "Device id may only contain letters, digits, '-' and '_'");

export { deviceSelect };

/**
 * A signed-in call on the device named by `input.deviceId`, or NOT_FOUND: another user's device does not "exist". The
 * account's checks (protectedProcedure's) and the device come from one statement: every send starts here.
 */
export const deviceProcedure = sessionProcedure.input(z.object({ deviceId: zDeviceId })).use(async ({ ctx, input, path, next }) => {
  const found = await readAccountAndOwnedDevice(ctx.session.id, input.deviceId);
  const admitted = await admitAccount(ctx.session, found?.account ?? null, path);
  if (!found?.device) throw new AppError("NOT_FOUND", "Device not found");
  return next({ ctx: { ...ctx, ...admitted, device: found.device } });
});
