import { createTRPCRouter } from "../../trpc";
import { chatIdentityRoute, markChatReadRoute } from "./chat-identity";
import { getChatHistoryRoute } from "./get-chat-history";
import { getGroupHistoryRoute } from "./get-group-history";
import { listChatsRoute } from "./list-chats";
import { listDailyChatsRoute } from "./list-daily-chats";
import { searchMessagesRoute } from "./search-messages";

export const chatRouter = createTRPCRouter({
  history: getChatHistoryRoute,
  list: listChatsRoute,
  dailyChatList: listDailyChatsRoute,
  search: searchMessagesRoute,
  groupHistory: getGroupHistoryRoute,
  identity: chatIdentityRoute,
  markRead: markChatReadRoute,
});
