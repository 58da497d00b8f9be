import type { TemplateVariables } from "@/lib/render-template";
import { sendText, type SentMessage, type SendTextInput } from "../messages/send-text";
import { recordOwnedChange } from "../contacts/record-change";
import type { ServiceCall } from "../devices/types";
import { findOwnedTemplate, renderOrThrow } from "./render";

export interface UseTemplateInput extends ServiceCall {
  device: SendTextInput["device"];
  templateId: number;
  /** E.164, already validated (zPhone). */
  to: string;
  variables: TemplateVariables;
}

/**
 * Renders the template and sends the text through sendText. Every refusal (unknown template, missing values,
 * device offline, daily limit) happens before anything is written.
 */
export async function useTemplate(input: UseTemplateInput): Promise<SentMessage> {
  const template = await findOwnedTemplate(input.actor, input.templateId);
  const { text } = renderOrThrow(template.body, input.variables);
  const message = await sendText({ device: input.device, to: input.to, text, origin: "template", sentById: input.actor.id });
  await recordOwnedChange({
    ...input,
    ownerId: template.ownerId,
    action: "template.use",
    targetType: "template",
    targetId: template.id,
    details: { baseId: template.baseId, version: template.version, deviceId: input.device.deviceId, messageId: message.id },
  });
  return message;
}
