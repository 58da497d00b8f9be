import { AdminJobsList } from "@/components/jobs/admin-jobs-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.adminJobs");

export default async function AdminJobsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("jobs.adminTitle")} description={t("jobs.adminDescription")} />
      <AdminJobsList />
    </>
  );
}
