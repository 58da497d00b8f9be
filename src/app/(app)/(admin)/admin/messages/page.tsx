import { AdminMessagesView } from "@/components/admin-records/messages-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.adminMessages");

export default async function Page() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("adminMessages.title")} description={t("adminMessages.description")} />
      <AdminMessagesView />
    </>
  );
}
