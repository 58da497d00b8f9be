import { DevicesList } from "@/components/devices/devices-list";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.devices");

export default async function DevicesPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("devices.title")} description={t("devices.description")} />
      <DevicesList />
    </>
  );
}
