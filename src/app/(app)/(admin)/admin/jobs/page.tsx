import { ComingSoon } from "@/components/coming-soon";
import { pageTitle } from "@/i18n/metadata";

export const generateMetadata = pageTitle("nav.adminJobs");

export default function Page() {
  return <ComingSoon feature="adminJobs" title="nav.adminJobs" />;
}
