import { db } from "../../db";

export interface UserFootprint {
  devices: number;
  messages: number;
  contacts: number;
  templates: number;
  scheduledMessages: number;
  jobs: number;
}

/** What deleting the account removes: shown in the delete dialog and kept in the audit row. */
export async function userFootprint(userId: number): Promise<UserFootprint> {
  const prisma = db();
  const [devices, messages, contacts, templates, scheduledMessages, jobs] = await Promise.all([
    prisma.device.count({ where: { ownerId: userId } }),
    prisma.message.count({ where: { ownerId: userId } }),
    prisma.contact.count({ where: { ownerId: userId } }),
    prisma.template.count({ where: { ownerId: userId, isLatest: true, deletedAt: null } }),
    prisma.scheduledMessage.count({ where: { ownerId: userId } }),
    prisma.job.count({ where: { ownerId: userId } }),
  ]);
  return { devices, messages, contacts, templates, scheduledMessages, jobs };
}
