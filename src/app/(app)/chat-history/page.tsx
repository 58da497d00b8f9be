import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.chatHistory");

export default function Page() {
  return <ComingSoon feature="chatHistory" title="nav.chatHistory" />;
}
