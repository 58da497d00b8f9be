import { BlastForm } from "@/components/blast/blast-form";
import { OptOutsCard } from "@/components/blast/opt-outs-card";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.chatBlast");

export default async function ChatBlastPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("blast.title")} description={t("blast.description")} />
      <div className="grid gap-6">
        <BlastForm />
        <OptOutsCard />
      </div>
    </>
  );
}
