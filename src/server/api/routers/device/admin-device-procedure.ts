import { z } from "zod";
import { AppError } from "../../../errors";
import { deviceSelect, zDeviceId } from "../../procedures";
import { adminProcedure } from "../../trpc";

/** Admin-only procedures on one device: FORBIDDEN for users (before any lookup), NOT_FOUND for an unknown id. */
export const adminDeviceProcedure = adminProcedure.input(z.object({ deviceId: zDeviceId })).use(async ({ ctx, input, next }) => {
  const device = await ctx.db.device.findUnique({ where: { deviceId: input.deviceId }, select: deviceSelect });
  if (!device) throw new AppError("NOT_FOUND", "Device not found");
  return next({ ctx: { ...ctx, device } });
});
