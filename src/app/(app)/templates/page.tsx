import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.templates");

export default function Page() {
  return <ComingSoon feature="templates" title="nav.templates" />;
}
