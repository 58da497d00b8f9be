import { z } from "zod";

export const zUsername = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Username must be at least 3 characters")
  .max(32, "Username must be at most 32 characters")
  .regex(/^[a-z0-9_.-]+$/, "Username may only contain letters, digits, '.', '-' and '_'");

export const zEmail = z.string().trim().toLowerCase().email("Enter a valid email address").max(191);

export const zPassword = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(128, "Password must be at most 128 characters");

/**
 * False for text with a lone UTF-16 surrogate (half of an emoji, cut off): it has no UTF-8 form, so MariaDB refuses it
 * in a JSON column (audit details, job payloads) and would store "?" in a text column.
 */
export const isWellFormedText = (text: string): boolean => !/\p{Cs}/u.test(text);
export const BROKEN_TEXT_MESSAGE = "The text contains a broken character";

export const zFullName = z.string().trim().min(1, "Enter a name").max(120, "Name is too long").refine(isWellFormedText, BROKEN_TEXT_MESSAGE);
