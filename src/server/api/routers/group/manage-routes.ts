import { z } from "zod";
import type { ParticipantsAction } from "../../../whatsapp/group-snapshot";
import { createGroup, getInviteLink, leaveGroup, updateDescription, updateParticipants, updateSubject } from "../../../services/groups/manage-group";
import { adminDeviceProcedure } from "../device/admin-device-procedure";
import {
  ZCreateGroupRequestSchema,
  ZGroupDetailsSchema,
  ZGroupRefSchema,
  ZInviteSchema,
  ZParticipantResultsSchema,
  ZParticipantsRequestSchema,
  ZUpdateDescriptionRequestSchema,
  ZUpdateSubjectRequestSchema,
} from "./group-schema";

export const createGroupRoute = adminDeviceProcedure
  .input(ZCreateGroupRequestSchema)
  .output(ZGroupDetailsSchema)
  .mutation(({ ctx, input }) => createGroup({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, subject: input.subject, participants: input.participants }));

function participantsRoute(action: ParticipantsAction) {
  return adminDeviceProcedure
    .input(ZParticipantsRequestSchema)
    .output(ZParticipantResultsSchema)
    .mutation(({ ctx, input }) =>
      updateParticipants({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid, phones: input.participants, action }),
    );
}

export const addParticipantsRoute = participantsRoute("add");
export const removeParticipantsRoute = participantsRoute("remove");
export const promoteParticipantsRoute = participantsRoute("promote");
export const demoteParticipantsRoute = participantsRoute("demote");

/** The group's invite link (reading it is logged: it lets anyone join). */
export const inviteCodeRoute = adminDeviceProcedure
  .input(ZGroupRefSchema)
  .output(ZInviteSchema)
  .mutation(({ ctx, input }) => getInviteLink({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid, revoke: false }));

/** Replaces the invite link: the old one stops working. */
export const revokeInviteRoute = adminDeviceProcedure
  .input(ZGroupRefSchema)
  .output(ZInviteSchema)
  .mutation(({ ctx, input }) => getInviteLink({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid, revoke: true }));

export const updateSubjectRoute = adminDeviceProcedure
  .input(ZUpdateSubjectRequestSchema)
  .output(ZGroupDetailsSchema)
  .mutation(({ ctx, input }) => updateSubject({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid, subject: input.subject }));

export const updateDescriptionRoute = adminDeviceProcedure
  .input(ZUpdateDescriptionRequestSchema)
  .output(ZGroupDetailsSchema)
  .mutation(({ ctx, input }) =>
    updateDescription({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid, description: input.description }),
  );

export const leaveGroupRoute = adminDeviceProcedure
  .input(ZGroupRefSchema)
  .output(z.object({ groupJid: z.string() }))
  .mutation(({ ctx, input }) => leaveGroup({ actor: ctx.actor, meta: ctx.meta, device: ctx.device, groupJid: input.groupJid }));
