import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { getT } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auth.login.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const notice = params.registered ? "registered" : params.ended ? "sessionEnded" : null;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  return <LoginForm notice={notice} callbackUrl={callbackUrl} />;
}
