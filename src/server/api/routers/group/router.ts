import { createTRPCRouter } from "../../trpc";
import {
  addParticipantsRoute,
  createGroupRoute,
  demoteParticipantsRoute,
  inviteCodeRoute,
  leaveGroupRoute,
  promoteParticipantsRoute,
  removeParticipantsRoute,
  revokeInviteRoute,
  updateDescriptionRoute,
  updateSubjectRoute,
} from "./manage-routes";
import { createGroupMediaJobRoute } from "./job-routes";
import { groupInfoRoute, listGroupsRoute } from "./read-routes";
import { sendGroupMediaRoute, sendGroupMentionRoute, sendGroupMessageRoute } from "./send-routes";

/** WhatsApp groups of a device: admin only (SPEC §2). */
export const groupRouter = createTRPCRouter({
  list: listGroupsRoute,
  info: groupInfoRoute,
  create: createGroupRoute,
  sendMessage: sendGroupMessageRoute,
  sendMention: sendGroupMentionRoute,
  sendMedia: sendGroupMediaRoute,
  createMediaJob: createGroupMediaJobRoute,
  addParticipants: addParticipantsRoute,
  removeParticipants: removeParticipantsRoute,
  promote: promoteParticipantsRoute,
  demote: demoteParticipantsRoute,
  inviteCode: inviteCodeRoute,
  revokeInvite: revokeInviteRoute,
  updateSubject: updateSubjectRoute,
  updateDescription: updateDescriptionRoute,
  leave: leaveGroupRoute,
});
