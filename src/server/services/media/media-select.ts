import type { Prisma } from "@/generated/prisma/client";

/** What a message shows of its media: enough to render a bubble and link the bytes (/api/media/<id>). */
export const mediaSummarySelect = {
  id: true,
  kind: true,
  mimeType: true,
  size: true,
  fileName: true,
} as const satisfies Prisma.MediaFileSelect;

export type MediaSummary = Prisma.MediaFileGetPayload<{ select: typeof mediaSummarySelect }>;
