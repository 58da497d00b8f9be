import { z } from "zod";

export const profileSelect = {
  id: true,
  username: true,
  email: true,
  fullName: true,
  role: true,
  isActive: true,
  avatar: true,
  lastLogin: true,
  maxDevices: true,
  dailyMessageLimit: true,
  createdAt: true,
} as const;

/** The caller's own account as the API returns it. */
export const ZProfileSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  fullName: z.string().nullable(),
  role: z.enum(["admin", "user"]),
  isActive: z.boolean(),
  avatar: z.string().nullable(),
  lastLogin: z.date().nullable(),
  maxDevices: z.number().int(),
  dailyMessageLimit: z.number().int(),
  createdAt: z.date(),
});
