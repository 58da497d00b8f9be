import type { Prisma } from "@/generated/prisma/client";
import { templatePlaceholders } from "@/lib/render-template";

/** Every field a template version returns to the API. */
export const templateSelect = {
  id: true,
  baseId: true,
  version: true,
  isLatest: true,
  ownerId: true,
  name: true,
  body: true,
  createdAt: true,
} as const satisfies Prisma.TemplateSelect;

export type TemplateRow = Prisma.TemplateGetPayload<{ select: typeof templateSelect }>;

/** A version plus the placeholders its body uses, so a form can ask for exactly those values. */
export type TemplateView = TemplateRow & { placeholders: string[] };

export function toTemplateView(row: TemplateRow): TemplateView {
  return { ...row, placeholders: templatePlaceholders(row.body) };
}
