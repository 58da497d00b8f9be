import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.adminMessages");

export default function Page() {
  return <ComingSoon feature="adminMessages" title="nav.adminMessages" />;
}
