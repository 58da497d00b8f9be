import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.adminContacts");

export default function Page() {
  return <ComingSoon feature="adminContacts" title="nav.adminContacts" />;
}
