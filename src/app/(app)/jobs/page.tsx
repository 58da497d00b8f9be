import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.jobs");

export default function Page() {
  return <ComingSoon feature="jobs" title="nav.jobs" />;
}
