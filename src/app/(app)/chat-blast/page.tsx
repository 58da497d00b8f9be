import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.chatBlast");

export default function Page() {
  return <ComingSoon feature="chatBlast" title="nav.chatBlast" />;
}
