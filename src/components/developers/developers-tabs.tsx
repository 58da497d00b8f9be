"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { useT } from "@/i18n/provider";

const TABS = [
  { href: "/developers", label: "developers.tabs.keys" },
  { href: "/developers/webhooks", label: "developers.tabs.webhooks" },
] as const;

/** The link bar that makes /developers and /developers/webhooks read as one area. */
export function DevelopersTabs() {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("developers.title")} className="inline-flex h-9 items-center rounded-lg bg-muted p-1 text-muted-foreground">
      {TABS.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            // Two light pages: no prefetch, so neither costs a request before it is chosen.
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={cn(
              "inline-flex h-7 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors",
              active ? "bg-card text-foreground shadow-sm" : "hover:text-foreground",
            )}
          >
            {t(tab.label)}
          </Link>
        );
      })}
    </nav>
  );
}
