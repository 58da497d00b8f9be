import { z } from "zod";
import { AppError } from "../../../errors";
import { ownedContactWhere, ownedTagWhere } from "../../../authz/owned";
import { contactSelect } from "../../../services/contacts/contact-select";
import { protectedProcedure } from "../../trpc";
import { zContactId, zTagId } from "./contact-schema";

/** Loads the contact named by `input.contactId` for the caller, or NOT_FOUND: another user's contact does not "exist". */
export const contactProcedure = protectedProcedure.input(z.object({ contactId: zContactId })).use(async ({ ctx, input, next }) => {
  const contact = await ctx.db.contact.findFirst({ where: ownedContactWhere(ctx.actor, input.contactId), select: contactSelect });
  if (!contact) throw new AppError("NOT_FOUND", "Contact not found");
  return next({ ctx: { ...ctx, contact } });
});

/** Loads the tag named by `input.tagId` for the caller, or NOT_FOUND. */
export const tagProcedure = protectedProcedure.input(z.object({ tagId: zTagId })).use(async ({ ctx, input, next }) => {
  const tag = await ctx.db.tag.findFirst({ where: ownedTagWhere(ctx.actor, input.tagId), select: { id: true, ownerId: true, name: true } });
  if (!tag) throw new AppError("NOT_FOUND", "Tag not found");
  return next({ ctx: { ...ctx, tag } });
});
