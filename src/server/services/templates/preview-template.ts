import type { TemplateVariables } from "@/lib/render-template";
import type { Actor } from "../../authz/actor";
import { findOwnedTemplate, renderOrThrow } from "./render";

export type PreviewTemplateInput = { actor: Actor; variables: TemplateVariables } & ({ templateId: number } | { body: string });

/** Renders a saved template version or an unsaved body; writes nothing. */
export async function previewTemplate(input: PreviewTemplateInput): Promise<{ text: string; placeholders: string[] }> {
  const body = "templateId" in input ? (await findOwnedTemplate(input.actor, input.templateId)).body : input.body;
  return renderOrThrow(body, input.variables);
}
