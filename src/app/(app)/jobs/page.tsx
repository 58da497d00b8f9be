import { JobsList } from "@/components/jobs/jobs-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.jobs");

export default async function JobsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("jobs.title")} description={t("jobs.description")} />
      <JobsList />
    </>
  );
}
