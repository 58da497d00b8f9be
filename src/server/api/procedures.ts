import { z } from "zod";
import { AppError } from "../errors";
import { deviceSelect } from "../services/devices/device-select";
import { findOwnedDevice } from "../services/devices/find-owned-device";
import { protectedProcedure } from "./trpc";

export const zDeviceId = z
  .string()
  .trim()
  .min(3, "Device id is too short")
  .max(100, "Device id is too long")
  .regex(/^[A-Za-z0-9_-]+$/, "Device id may only contain letters, digits, '-' and '_'");

export { deviceSelect };

/** Loads the device named by `input.deviceId` for the caller, or NOT_FOUND: another user's device does not "exist". */
export const deviceProcedure = protectedProcedure.input(z.object({ deviceId: zDeviceId })).use(async ({ ctx, input, next }) => {
  const device = await findOwnedDevice(ctx.actor, input.deviceId);
  if (!device) throw new AppError("NOT_FOUND", "Device not found");
  return next({ ctx: { ...ctx, device } });
});
