import type { RouterOutputs } from "@/trpc/react";

export type ContactItem = RouterOutputs["contact"]["list"]["items"][number];
export type TagItem = RouterOutputs["contact"]["tags"]["list"]["items"][number];
export type TagRef = ContactItem["tags"][number];
