import { AuditLogsView } from "@/components/admin-records/audit-logs-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.adminLogs");

export default async function Page() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("adminLogs.title")} description={t("adminLogs.description")} />
      <AuditLogsView />
    </>
  );
}
