import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ForcedPasswordForm } from "@/components/auth/forced-password-form";
import { getT } from "@/i18n/server";
import { getViewer } from "../../_server/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("forcedPassword.title") };
}

/** Where an account whose password an admin set (created or reset) must choose its own before anything else. */
export default async function ChangePasswordPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/auth/login");
  if (!viewer.mustChangePassword) redirect("/dashboard");
  return <ForcedPasswordForm username={viewer.username} />;
}
