import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.adminUsers");

export default function Page() {
  return <ComingSoon feature="adminUsers" title="nav.adminUsers" />;
}
