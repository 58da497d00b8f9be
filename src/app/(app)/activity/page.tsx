import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.activity");

export default function Page() {
  return <ComingSoon feature="activity" title="nav.activity" />;
}
