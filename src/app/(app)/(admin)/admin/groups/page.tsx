import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.adminGroups");

export default function Page() {
  return <ComingSoon feature="adminGroups" title="nav.adminGroups" />;
}
