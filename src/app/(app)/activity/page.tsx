import { ActivityView } from "@/components/activity/activity-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.activity");

export default async function ActivityPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("activity.title")} description={t("activity.description")} />
      <ActivityView />
    </>
  );
}
