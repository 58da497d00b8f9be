"use client";

import { useState } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useT } from "@/i18n/provider";
import { ContactsTable, type ContactFilter } from "./contacts-table";
import { TagsManager } from "./tags-manager";
import { WhatsAppChats } from "./whatsapp-chats";

type Tab = "contacts" | "tags" | "whatsapp";

/** The contacts page body: the list, tag management and a device's WhatsApp chats. */
export function ContactsView() {
  const t = useT();
  const [tab, setTab] = useState<Tab>("contacts");
  const [filter, setFilter] = useState<ContactFilter>({ search: "", tagIds: [], tagMatch: "any" });
  return (
    <Tabs value={tab} onValueChange={(v) => setTab(v as Tab)}>
      <TabsList aria-label={t("contacts.title")}>
        <TabsTrigger value="contacts">{t("contacts.tabs.contacts")}</TabsTrigger>
        <TabsTrigger value="tags">{t("contacts.tabs.tags")}</TabsTrigger>
        <TabsTrigger value="whatsapp">{t("contacts.tabs.whatsapp")}</TabsTrigger>
      </TabsList>
      <TabsContent value="contacts">
        <ContactsTable filter={filter} onFilterChange={setFilter} />
      </TabsContent>
      <TabsContent value="tags">
        <TagsManager
          onShowContacts={(tagId) => {
            setFilter({ search: "", tagIds: [tagId], tagMatch: "any" });
            setTab("contacts");
          }}
        />
      </TabsContent>
      <TabsContent value="whatsapp">
        <WhatsAppChats />
      </TabsContent>
    </Tabs>
  );
}
