import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.analytics");

export default function Page() {
  return <ComingSoon feature="analytics" title="nav.analytics" />;
}
