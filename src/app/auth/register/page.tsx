import type { Metadata } from "next";
import { RegisterForm } from "@/components/auth/register-form";
import { SignupClosed } from "@/components/auth/signup-closed";
import { getSetting } from "@/server/services/settings/app-settings";
import { getT } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.register.title") };
}

export default async function RegisterPage() {
  if (!(await getSetting("signupOpen"))) return <SignupClosed />;
  return <RegisterForm />;
}
