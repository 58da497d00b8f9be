import { notFound } from "next/navigation";
import { SandboxConsole } from "@/components/sandbox/sandbox-console";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";
import { isSandboxMode } from "../../../_server/viewer";

export const generateMetadata = pageTitle("nav.sandbox");

export default async function SandboxPage() {
  if (!isSandboxMode()) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={t("sandbox.title")} description={t("sandbox.description")} />
      <SandboxConsole />
    </>
  );
}
