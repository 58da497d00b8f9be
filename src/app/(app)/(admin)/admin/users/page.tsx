import { CreateUserButton } from "@/components/admin-users/create-user-button";
import { UsersView } from "@/components/admin-users/users-view";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.adminUsers");

export default async function AdminUsersPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("adminUsers.title")} description={t("adminUsers.description")} actions={<CreateUserButton />} />
      <UsersView />
    </>
  );
}
