import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.contacts");

export default function Page() {
  return <ComingSoon feature="contacts" title="nav.contacts" />;
}
