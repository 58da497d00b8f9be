import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.deviceBot");

export default function Page() {
  return <ComingSoon feature="deviceBot" title="nav.deviceBot" />;
}
