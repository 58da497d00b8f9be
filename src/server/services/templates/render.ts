import { malformedPlaceholdersMessage, missingVariablesMessage, renderTemplate, type TemplateVariables } from "@/lib/render-template";
import { AppError } from "../../errors";
import { db } from "../../db";
import { ownedTemplateWhere } from "../../authz/owned";
import type { Actor } from "../../authz/actor";
import { templateSelect, type TemplateRow } from "./template-select";

/** WhatsApp's limit for one text message (the same as message.sendText's). */
export const MAX_RENDERED_LENGTH = 65_536;

/**
 * The rendered text, or INVALID_INPUT naming the malformed placeholders (`{{ pay method }}`: never sent as typed)
 * or every placeholder that has no value.
 */
export function renderOrThrow(body: string, variables: TemplateVariables): { text: string; placeholders: string[] } {
  const result = renderTemplate(body, variables);
  if (!result.ok && result.malformed.length > 0) throw new AppError("INVALID_INPUT", malformedPlaceholdersMessage(result.malformed));
  if (!result.ok) throw new AppError("INVALID_INPUT", missingVariablesMessage(result.missing));
  if (result.text.length > MAX_RENDERED_LENGTH) {
    throw new AppError("INVALID_INPUT", `The rendered message is ${result.text.length} characters; WhatsApp allows at most ${MAX_RENDERED_LENGTH}`);
  }
  return { text: result.text, placeholders: result.placeholders };
}

/** A live template version the actor may use, or NOT_FOUND (another user's template does not "exist"). */
export async function findOwnedTemplate(actor: Actor, templateId: number): Promise<TemplateRow> {
  const template = await db().template.findFirst({ where: ownedTemplateWhere(actor, templateId), select: templateSelect });
  if (!template) throw new AppError("NOT_FOUND", "Template not found");
  return template;
}
