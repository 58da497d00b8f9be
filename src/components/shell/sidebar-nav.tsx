"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";
import { adminNav, sandboxNav, userNav, type NavItem } from "./nav-items";

function isActive(pathname: string, href: string): boolean {
  if (href === "/admin") return pathname === "/admin";
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavSection({ title, items, pathname, onNavigate }: { title?: string; items: NavItem[]; pathname: string; onNavigate?: () => void }) {
  const t = useT();
  return (
    <div className="grid gap-0.5">
      {title ? <p className="px-3 pt-4 pb-1.5 text-[11px] font-semibold tracking-wider text-sidebar-muted uppercase lg:pt-3 lg:pb-1 lg:[@media(max-height:860px)]:pt-2 lg:[@media(max-height:860px)]:pb-0.5">{title}</p> : null}
      {items.map((item) => {
        const active = isActive(pathname, item.href);
        const Icon = item.icon;
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm lg:py-1.5 lg:[@media(max-height:860px)]:py-[3px] text-sidebar-foreground/85 transition-colors hover:bg-sidebar-accent hover:text-sidebar-foreground",
              active && "bg-sidebar-accent font-medium text-white",
            )}
          >
            <Icon className={cn("size-4 shrink-0", active ? "text-primary-foreground" : "text-sidebar-muted")} aria-hidden />
            {t(item.label)}
          </Link>
        );
      })}
    </div>
  );
}

export function SidebarNav({ isAdmin, sandbox, onNavigate }: { isAdmin: boolean; sandbox: boolean; onNavigate?: () => void }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.mainNavigation")} className="flex min-h-0 flex-1 flex-col">
      <div className="flex-1 overflow-y-auto px-3 pb-3">
        <NavSection title={t("nav.workspace")} items={userNav} pathname={pathname} onNavigate={onNavigate} />
        {isAdmin ? <NavSection title={t("nav.administration")} items={adminNav} pathname={pathname} onNavigate={onNavigate} /> : null}
      </div>
      {/* Pinned below the scrolling list: in sandbox mode the virtual phones are needed from the first minute. */}
      {isAdmin && sandbox ? (
        <div className="border-t border-sidebar-accent px-3 py-2">
          <NavSection items={[sandboxNav]} pathname={pathname} onNavigate={onNavigate} />
        </div>
      ) : null}
    </nav>
  );
}
