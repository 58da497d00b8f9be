import { db } from "../../db";
import { recordOwnedChange } from "../contacts/record-change";
import type { ServiceCall } from "../devices/types";
import type { TemplateRow } from "./template-select";

/** Soft-deletes every version of the template: it leaves lists, get, preview and use, but sent messages keep their text. */
export async function deleteTemplate(input: ServiceCall & { template: TemplateRow }): Promise<{ id: number; baseId: string }> {
  const { template } = input;
  const { count } = await db().template.updateMany({
    where: { baseId: template.baseId, ownerId: template.ownerId, deletedAt: null },
    data: { deletedAt: new Date() },
  });
  await recordOwnedChange({
    ...input,
    ownerId: template.ownerId,
    action: "template.delete",
    targetType: "template",
    targetId: template.id,
    details: { baseId: template.baseId, name: template.name, versions: count },
  });
  return { id: template.id, baseId: template.baseId };
}
