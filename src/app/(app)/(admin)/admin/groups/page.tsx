import { AdminGroupsView } from "@/components/groups/groups-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.adminGroups");

export default async function Page() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("adminGroups.title")} description={t("adminGroups.description")} />
      <AdminGroupsView />
    </>
  );
}
