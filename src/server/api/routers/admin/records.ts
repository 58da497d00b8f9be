import { z } from "zod";
import { adminContactFilterValues, listAdminContacts } from "../../../services/admin/admin-contacts";
import { adminOverview } from "../../../services/admin/admin-overview";
import { auditFilterValues, listAuditLogs } from "../../../services/admin/audit-logs";
import { listAdminMessages } from "../../../services/admin/list-admin-messages";
import { zDeviceId } from "../../procedures";
import { adminProcedure } from "../../trpc";
import { withDayRange, zLimit, zSearch, zUserId } from "./admin-schema";

const zCursorId = z.number().int().positive().nullish();

export const zAdminMessageFilter = {
  deviceId: zDeviceId.optional(),
  userId: zUserId.optional(),
  status: z.enum(["pending", "sent", "delivered", "read", "failed"]).optional(),
  direction: z.enum(["incoming", "outgoing"]).optional(),
  text: zSearch.min(1).optional(),
};

export const zAuditFilter = {
  actorId: zUserId.optional(),
  action: z.string().trim().min(1).max(64).optional(),
  targetType: z.string().trim().min(1).max(32).optional(),
  text: zSearch.min(1).optional(),
};

export const zAdminContactFilter = {
  ownerId: zUserId.optional(),
  tag: z.string().trim().min(1).max(64).optional(),
  search: zSearch.min(1).optional(),
};

/** Read-only admin lists: they write nothing, so they need no audit row. */
export const adminRecordProcedures = {
  overview: adminProcedure.query(() => adminOverview()),

  messages: adminProcedure
    .input(withDayRange({ ...zAdminMessageFilter, cursor: z.string().max(40).optional(), limit: zLimit }))
    .query(({ input }) => listAdminMessages(input)),

  contacts: adminProcedure
    .input(z.object({ ...zAdminContactFilter, cursor: zCursorId, limit: zLimit }).default({ limit: 50 }))
    .query(({ input }) => listAdminContacts(input)),

  contactFilters: adminProcedure.query(() => adminContactFilterValues()),

  auditLogs: adminProcedure
    .input(withDayRange({ ...zAuditFilter, cursor: zCursorId, limit: zLimit }))
    .query(({ input }) => listAuditLogs(input)),

  auditFilters: adminProcedure.query(() => auditFilterValues()),
};
