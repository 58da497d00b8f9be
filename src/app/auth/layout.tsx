import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { Brand } from "@/components/brand";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { getT } from "@/i18n/server";
import { getViewer } from "../_server/viewer";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  // An account that must pick a new password stays here (on /auth/change-password) until it has.
  if (viewer && !viewer.mustChangePassword) redirect("/dashboard");
  const t = await getT();
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--color-accent),transparent_60%)]">
      <header className="flex items-center justify-between px-4 py-4 sm:px-8">
        <Brand name={t("common.appName")} />
        <LanguageSwitch />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">{children}</div>
      </main>
      <footer className="pb-6 text-center text-xs text-muted-foreground">{t("common.tagline")}</footer>
    </div>
  );
}
