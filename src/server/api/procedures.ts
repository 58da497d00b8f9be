import { z } from "zod";
import { AppError } from "../errors";
import { ownedDeviceWhere } from "../authz/where";
import { deviceSelect } from "../services/devices/device-select";
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
  const device = await ctx.db.device.findFirst({ where: ownedDeviceWhere(ctx.actor, input.deviceId), select: deviceSelect });
  if (!device) throw new AppError("NOT_FOUND", "Device not found");
  return next({ ctx: { ...ctx, device } });
});
