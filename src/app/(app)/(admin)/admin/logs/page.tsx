import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.adminLogs");

export default function Page() {
  return <ComingSoon feature="adminLogs" title="nav.adminLogs" />;
}
