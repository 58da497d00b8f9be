import type { RouterOutputs } from "@/trpc/react";

export type TemplateItem = RouterOutputs["template"]["list"]["items"][number];
