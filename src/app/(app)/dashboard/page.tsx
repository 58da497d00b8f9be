import { Send } from "lucide-react";
import Link from "next/link";
import { DeviceOverview } from "@/components/dashboard/device-overview";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { MyStats } from "@/components/dashboard/my-stats";
import { RecentMessages } from "@/components/dashboard/recent-messages";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.dashboard");

export default async function DashboardPage() {
  const t = await getT();
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        description={t("dashboard.description")}
        actions={
          <Button asChild>
            <Link href="/send-message">
              <Send aria-hidden />
              {t("dashboard.sendFirst")}
            </Link>
          </Button>
        }
      />
      <GettingStarted />
      <DeviceOverview />
      <MyStats className="mt-6" />
      <RecentMessages className="mt-6" />
    </>
  );
}
