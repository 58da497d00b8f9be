import { BookOpen } from "lucide-react";
import { ApiKeysView } from "@/components/developers/api-keys-view";
import { CreateApiKeyButton } from "@/components/developers/create-api-key-dialog";
import { DevelopersTabs } from "@/components/developers/developers-tabs";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.developers");

export default async function DevelopersPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("developers.title")} description={t("developers.description")} actions={<CreateApiKeyButton />} />
      <div className="grid gap-6">
        <DevelopersTabs />
        <Card>
          <CardHeader className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <CardTitle>{t("developers.docsTitle")}</CardTitle>
              <CardDescription>{t("developers.docsBody")}</CardDescription>
            </div>
            {/* A plain link: the reference is its own page outside the app shell. */}
            <a
              href="/api/docs"
              className="inline-flex h-9 shrink-0 items-center gap-2 rounded-md border bg-card px-3 text-sm font-medium shadow-xs hover:bg-muted"
            >
              <BookOpen className="size-4" aria-hidden />
              {t("developers.openDocs")}
            </a>
          </CardHeader>
        </Card>
        <section className="grid gap-3" aria-labelledby="api-keys-title">
          <div>
            <h2 id="api-keys-title" className="font-semibold">
              {t("developers.keysTitle")}
            </h2>
            <p className="text-sm text-muted-foreground">{t("developers.keysBody")}</p>
          </div>
          <ApiKeysView />
        </section>
      </div>
    </>
  );
}
