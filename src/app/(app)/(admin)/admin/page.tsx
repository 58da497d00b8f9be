import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.admin");

export default function Page() {
  return <ComingSoon feature="admin" title="nav.admin" />;
}
