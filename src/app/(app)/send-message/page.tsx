import { SendMessageForm } from "@/components/send/send-message-form";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.sendMessage");

export default async function SendMessagePage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("send.title")} description={t("send.description")} />
      <SendMessageForm />
    </>
  );
}
