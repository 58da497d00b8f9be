import { AppError } from "../../errors";
import { db } from "../../db";
import { recordOwnedChange } from "../contacts/record-change";
import type { ServiceCall } from "../devices/types";
import { assertTemplateNameFree, lockTemplateOwner } from "./template-names";
import { templateSelect, toTemplateView, type TemplateRow, type TemplateView } from "./template-select";

export interface UpdateTemplateInput extends ServiceCall {
  /** The version being edited: it must still be the latest, so two editors cannot silently overwrite each other. */
  template: TemplateRow;
  name?: string;
  body?: string;
}

const STALE = "This template was changed since you opened it; reload it and apply your edit to the latest version";

/**
 * Saves an edit as a new version under the same baseId and retires the previous one (isLatest=false); old
 * versions stay readable through template.versions. An edit that changes nothing creates no version.
 */
export async function updateTemplate(input: UpdateTemplateInput): Promise<TemplateView> {
  const { template } = input;
  if (!template.isLatest) throw new AppError("CONFLICT", STALE);
  const name = input.name ?? template.name;
  const body = input.body ?? template.body;
  if (name === template.name && body === template.body) return toTemplateView(template);

  const row = await db().$transaction(async (tx) => {
    await lockTemplateOwner(tx, template.ownerId);
    // Under the owner lock: if this is no longer the latest live version, someone else saved or deleted first.
    const retired = await tx.template.updateMany({
      where: { id: template.id, ownerId: template.ownerId, isLatest: true, deletedAt: null },
      data: { isLatest: false },
    });
    if (retired.count === 0) throw new AppError("CONFLICT", STALE);
    if (name !== template.name) await assertTemplateNameFree(tx, template.ownerId, name, template.baseId);
    return tx.template.create({
      data: { ownerId: template.ownerId, baseId: template.baseId, version: template.version + 1, isLatest: true, name, body },
      select: templateSelect,
    });
  });
  await recordOwnedChange({
    ...input,
    ownerId: template.ownerId,
    action: "template.update",
    targetType: "template",
    targetId: row.id,
    details: { baseId: row.baseId, version: row.version, previousId: template.id },
  });
  return toTemplateView(row);
}
