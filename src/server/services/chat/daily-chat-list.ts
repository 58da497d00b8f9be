import { Prisma } from "@/generated/prisma/client";
import type { MessageDirection } from "@/generated/prisma/enums";
import { driverQuery } from "../../db/driver-pool";
import { isGroupJid } from "./chat-jid";
import { describeChats, type ChatSummary, type ChatTail } from "./chat-summaries";
import { dayRange, todayIn } from "./day-range";

export interface DailyChatListInput {
  device: { id: number; ownerId: number };
  includeGroups: boolean;
  /** YYYY-MM-DD in `timezone`; today when absent. */
  date?: string;
  timezone: string;
  limit: number;
}

export interface DailyChatList {
  date: string;
  timezone: string;
  items: ChatSummary[];
  /** Chats with activity that day, including any beyond `limit`. */
  totalChats: number;
}

interface DayRow {
  id: number;
  chatJid: string;
  direction: MessageDirection;
}

/**
 * The chats with activity on one local day, latest first, with the day's counts. The day is one range of the index
 * Message(deviceId, timestamp, chatJid, direction), which holds all this reads — a small slice of a device's history
 * at any table size, without visiting the table's rows — folded here into one summary per chat (first row seen = the
 * chat's last message that day). Names and read marks come from the listed chats' ChatThread rows (describeChats).
 */
export async function dailyChatList(input: DailyChatListInput): Promise<DailyChatList> {
  const date = input.date ?? todayIn(input.timezone);
  const { start, end } = dayRange(date, input.timezone);
  // On the driver pool: a busy device's day is thousands of rows, which Prisma's raw-row mapping took milliseconds over.
  const rows = await driverQuery<DayRow>(Prisma.sql`
    SELECT id, chatJid, direction
    FROM Message
    WHERE deviceId = ${input.device.id} AND \`timestamp\` >= ${start} AND \`timestamp\` < ${end}
    ORDER BY \`timestamp\` DESC, id DESC`);
  const chats = new Map<string, ChatTail & { incoming: number; outgoing: number }>();
  for (const row of rows) {
    if (!input.includeGroups && isGroupJid(row.chatJid)) continue;
    let chat = chats.get(row.chatJid);
    if (!chat) {
      chat = { chatJid: row.chatJid, lastId: Number(row.id), awaitingReply: 0, awaitingIds: [], replied: false, incoming: 0, outgoing: 0 };
      chats.set(row.chatJid, chat);
    }
    if (row.direction === "incoming") {
      chat.incoming += 1;
      if (!chat.replied) {
        chat.awaitingReply += 1;
        chat.awaitingIds?.push(Number(row.id));
      }
    } else {
      chat.outgoing += 1;
      chat.replied = true;
    }
  }
  const all = [...chats.values()];
  const page = all.slice(0, input.limit);
  const items = await describeChats(input.device, page);
  return { date, timezone: input.timezone, items, totalChats: all.length };
}
