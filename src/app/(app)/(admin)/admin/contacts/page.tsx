import { AdminContactsView } from "@/components/admin-records/contacts-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.adminContacts");

export default async function Page() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("adminContacts.title")} description={t("adminContacts.description")} />
      <AdminContactsView />
    </>
  );
}
