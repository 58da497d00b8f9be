import { AdminDevicesView } from "@/components/admin-devices/admin-devices-view";
import { CreateDeviceDialog } from "@/components/admin-devices/create-device-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.adminDevices");

export default async function AdminDevicesPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("adminDevices.title")} description={t("adminDevices.description")} actions={<CreateDeviceDialog />} />
      <AdminDevicesView />
    </>
  );
}
