import { DeviceDetailView } from "@/components/devices/device-detail";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.devices");

export default async function DevicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DeviceDetailView deviceId={decodeURIComponent(id)} />;
}
