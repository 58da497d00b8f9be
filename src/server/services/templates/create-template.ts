import { randomUUID } from "node:crypto";
import { db } from "../../db";
import { recordOwnedChange } from "../contacts/record-change";
import type { ServiceCall } from "../devices/types";
import { assertTemplateNameFree, lockTemplateOwner } from "./template-names";
import { templateSelect, toTemplateView, type TemplateView } from "./template-select";

/** Creates version 1 of a new template owned by the caller. */
export async function createTemplate(input: ServiceCall & { name: string; body: string }): Promise<TemplateView> {
  const ownerId = input.actor.id;
  const row = await db().$transaction(async (tx) => {
    await lockTemplateOwner(tx, ownerId);
    await assertTemplateNameFree(tx, ownerId, input.name);
    return tx.template.create({
      data: { ownerId, baseId: randomUUID(), version: 1, isLatest: true, name: input.name, body: input.body },
      select: templateSelect,
    });
  });
  await recordOwnedChange({
    ...input,
    ownerId,
    action: "template.create",
    targetType: "template",
    targetId: row.id,
    details: { baseId: row.baseId, name: row.name },
  });
  return toTemplateView(row);
}
