import { AdminOverview } from "@/components/admin/admin-overview";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.admin");

export default async function AdminOverviewPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("adminOverview.title")} description={t("adminOverview.description")} />
      <AdminOverview />
    </>
  );
}
