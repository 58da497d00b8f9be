import { NewTemplateButton } from "@/components/templates/template-editor-dialog";
import { TemplatesView } from "@/components/templates/templates-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.templates");

export default async function TemplatesPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("templates.title")} description={t("templates.description", { example: "{{name}}" })} actions={<NewTemplateButton />} />
      <TemplatesView />
    </>
  );
}
