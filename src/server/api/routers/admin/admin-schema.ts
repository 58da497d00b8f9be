import { z } from "zod";

export const zUserId = z.number().int().positive();
export const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date as YYYY-MM-DD");
export const zSearch = z.string().trim().max(100, "Search text is too long");
export const zLimit = z.number().int().min(1).max(200).default(50);
export const zRole = z.enum(["admin", "user"]);

/** A from/to pair of days; `to` must not be before `from`. */
export function withDayRange<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, from: zDay.optional(), to: zDay.optional() })
    .refine((v) => inOrder(v as { from?: string; to?: string }), { message: "The end date is before the start date", path: ["to"] });
}

function inOrder(v: { from?: string; to?: string }): boolean {
  return !v.from || !v.to || v.from <= v.to;
}
