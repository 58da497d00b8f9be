import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.scheduleMessage");

export default function Page() {
  return <ComingSoon feature="scheduleMessage" title="nav.scheduleMessage" />;
}
