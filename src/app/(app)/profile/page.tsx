import { ChangePasswordForm } from "@/components/profile/change-password-form";
import { ProfileDetailsForm } from "@/components/profile/profile-details-form";
import { ProfilePictureCard } from "@/components/profile/profile-picture-card";
import { PageHeader } from "@/components/ui/page-header";
import { pageTitle } from "@/i18n/metadata";
import { getT } from "@/i18n/server";

export const generateMetadata = pageTitle("nav.profile");

export default async function ProfilePage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <div className="grid gap-6 lg:grid-cols-2 lg:items-start">
        <ProfilePictureCard />
        <ProfileDetailsForm />
        <ChangePasswordForm />
      </div>
    </>
  );
}
