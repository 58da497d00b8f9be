import type { Prisma } from "@/generated/prisma/client";

export const tagRefSelect = { id: true, name: true, color: true } as const satisfies Prisma.TagSelect;

/** Every field a contact returns to the API, with its tags (by name). */
export const contactSelect = {
  id: true,
  ownerId: true,
  name: true,
  phone: true,
  jid: true,
  notes: true,
  createdAt: true,
  updatedAt: true,
  tags: { select: { tag: { select: tagRefSelect } }, orderBy: { tag: { name: "asc" } } },
} as const satisfies Prisma.ContactSelect;

export type ContactRow = Prisma.ContactGetPayload<{ select: typeof contactSelect }>;
export type TagRef = Prisma.TagGetPayload<{ select: typeof tagRefSelect }>;
export type ContactView = Omit<ContactRow, "tags"> & { tags: TagRef[] };

export function toContactView(row: ContactRow): ContactView {
  return { ...row, tags: row.tags.map((link) => link.tag) };
}

/** A tag with the number of contacts carrying it, for tag pickers and filters. */
export const tagSelect = { ...tagRefSelect, ownerId: true, createdAt: true, _count: { select: { contacts: true } } } as const satisfies Prisma.TagSelect;
export type TagRow = Prisma.TagGetPayload<{ select: typeof tagSelect }>;
export type TagView = Omit<TagRow, "_count"> & { contactCount: number };

export function toTagView({ _count, ...tag }: TagRow): TagView {
  return { ...tag, contactCount: _count.contacts };
}
