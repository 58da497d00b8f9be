import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("webhooks.title");

export default async function WebhooksPage() {
  const t = await getT();
  return (
    <>
      <Link href="/developers" className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden />
        {t("webhooks.backToDevelopers")}
      </Link>
      <PageHeader title={t("webhooks.title")} description={t("webhooks.description")} />
      <WebhooksView />
    </>
  );
}
