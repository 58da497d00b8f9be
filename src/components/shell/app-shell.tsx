"use client";

import { Menu } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Brand } from "@/components/brand";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { AdminNotices } from "@/components/admin/admin-notices";
import { HandoffNotices } from "@/components/bot/handoff-notices";
import { LiveEventsProvider } from "@/components/live/live-events-provider";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTitle } from "@/components/ui/sheet";
import { useT } from "@/i18n/provider";
import { LiveIndicator } from "./live-indicator";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";
import { ViewerProvider, type ClientViewer } from "./viewer-context";

function SidebarBody({ viewer, sandbox, onNavigate }: { viewer: ClientViewer; sandbox: boolean; onNavigate?: () => void }) {
  const t = useT();
  return (
    <div className="flex h-full flex-col bg-sidebar text-sidebar-foreground">
      <div className="flex h-14 items-center px-5">
        <Link href="/dashboard" onClick={onNavigate} className="text-white">
          <Brand name={t("common.appName")} />
        </Link>
      </div>
      <SidebarNav isAdmin={viewer.role === "admin"} sandbox={sandbox} onNavigate={onNavigate} />
    </div>
  );
}

export function AppShell({ viewer, sandbox, children }: { viewer: ClientViewer; sandbox: boolean; children: ReactNode }) {
  const t = useT();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <ViewerProvider viewer={viewer}>
      <LiveEventsProvider>
        {viewer.role === "admin" ? <AdminNotices /> : null}
        <HandoffNotices />
        <div className="min-h-dvh lg:pl-64">
          <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 lg:block">
            <SidebarBody viewer={viewer} sandbox={sandbox} />
          </aside>
          <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
            <SheetContent aria-describedby={undefined}>
              <SheetTitle className="sr-only">{t("nav.mainNavigation")}</SheetTitle>
              <SidebarBody viewer={viewer} sandbox={sandbox} onNavigate={() => setMenuOpen(false)} />
            </SheetContent>
          </Sheet>
          <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b bg-card/90 px-4 backdrop-blur sm:px-6">
            <Button variant="ghost" size="icon" className="lg:hidden" aria-label={t("nav.openMenu")} onClick={() => setMenuOpen(true)}>
              <Menu aria-hidden />
            </Button>
            <div className="flex-1" />
            <LiveIndicator />
            <LanguageSwitch />
            <UserMenu />
          </header>
          {sandbox ? (
            <div className="border-b border-warning/40 bg-warning/10 px-4 py-1.5 text-center text-xs text-[oklch(0.45_0.1_65)] sm:px-6">
              {t("shell.sandboxMode")}
            </div>
          ) : null}
          <main className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:py-8">{children}</main>
        </div>
      </LiveEventsProvider>
    </ViewerProvider>
  );
}
