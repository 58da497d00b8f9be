import { NewContactButton } from "@/components/contacts/contact-dialog";
import { ContactsView } from "@/components/contacts/contacts-view";
import { ImportCsvButton } from "@/components/contacts/import-csv-dialog";
import { SyncFromDeviceButton } from "@/components/contacts/sync-device-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.contacts");

export default async function ContactsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("contacts.title")}
        description={t("contacts.description")}
        actions={
          <>
            <SyncFromDeviceButton />
            <ImportCsvButton />
            <NewContactButton />
          </>
        }
      />
      <ContactsView />
    </>
  );
}
