import { Construction } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/i18n/server";
import type { PlainMessageKey } from "@/i18n/types";

type Feature =
  | "scheduleMessage"
  | "chatBlast"
  | "jobs"
  | "contacts"
  | "templates"
  | "chatHistory"
  | "activity"
  | "admin"
  | "adminUsers"
  | "adminMessages"
  | "adminGroups"
  | "adminContacts"
  | "adminJobs"
  | "adminLogs"
  | "analytics"
  | "deviceBot"
  | "deviceChat";

/** The placeholder for a page that is not built yet: what it will do, in the reader's language. */
export async function ComingSoon({ feature, title }: { feature: Feature; title: PlainMessageKey }) {
  const t = await getT();
  const page = t(title);
  return (
    <>
      <PageHeader title={page} />
      <Card data-testid="coming-soon">
        <CardContent className="flex flex-col items-start gap-4 p-6 sm:flex-row sm:items-center">
          <div className="flex size-12 shrink-0 items-center justify-center rounded-full bg-primary/10">
            <Construction className="size-6 text-primary" aria-hidden />
          </div>
          <div className="grid gap-1.5">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="font-semibold">{t("comingSoon.title", { page })}</h2>
              <Badge tone="primary">{t("comingSoon.badge")}</Badge>
            </div>
            <p className="text-sm text-muted-foreground">{t("comingSoon.body")}</p>
            <p className="text-sm">{t(`comingSoon.${feature}`)}</p>
          </div>
        </CardContent>
      </Card>
    </>
  );
}
