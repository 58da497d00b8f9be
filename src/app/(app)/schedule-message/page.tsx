import { ScheduleForm } from "@/components/schedule/schedule-form";
import { ScheduledList } from "@/components/schedule/scheduled-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.scheduleMessage");

export default async function ScheduleMessagePage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("schedule.title")} description={t("schedule.description")} />
      <div className="grid gap-6">
        <ScheduleForm />
        <ScheduledList />
      </div>
    </>
  );
}
