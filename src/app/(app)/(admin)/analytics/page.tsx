import { AnalyticsView } from "@/components/analytics/analytics-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.analytics");

export default async function AnalyticsPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("analytics.title")} description={t("analytics.description")} />
      <AnalyticsView />
    </>
  );
}
