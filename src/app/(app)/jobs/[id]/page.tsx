import { notFound } from "next/navigation";
import { JobDetail } from "@/components/jobs/job-detail";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";
import { getSessionUser } from "@/server/auth/session";

export const generateMetadata = pageTitle("nav.jobs");

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const jobId = Number(id);
  if (!Number.isInteger(jobId) || jobId <= 0) notFound();
  const [t, session] = await Promise.all([getT(), getSessionUser()]);
  return (
    <>
      <PageHeader title={t("jobs.job", { id: jobId })} description={t("jobs.description")} />
      <JobDetail jobId={jobId} isAdmin={session?.role === "admin"} />
    </>
  );
}
