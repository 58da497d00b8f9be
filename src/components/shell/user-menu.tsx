"use client";

import { ChevronDown, LogOut, User } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useT } from "@/i18n/provider";
import { UserAvatar } from "@/components/profile/user-avatar";
import { useViewer } from "./viewer-context";

export function UserMenu() {
  const t = useT();
  const viewer = useViewer();
  const [signingOut, setSigningOut] = useState(false);
  const display = viewer.fullName ?? viewer.username;

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut({ callbackUrl: "/auth/login" });
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-9 gap-2 px-2" aria-label={t("shell.accountMenu")} data-testid="user-menu">
          <UserAvatar name={display} url={viewer.avatar} />
          <span className="hidden max-w-40 truncate text-sm sm:inline">{display}</span>
          <ChevronDown className="opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-60">
        <DropdownMenuLabel className="flex items-center gap-3">
          <UserAvatar name={display} url={viewer.avatar} className="size-10 text-sm" />
          <span className="grid min-w-0 gap-0.5">
            <span className="truncate text-sm font-medium text-foreground">{display}</span>
            <span className="truncate font-normal">{viewer.email}</span>
            <span className="font-normal">{viewer.role === "admin" ? t("shell.roleAdmin") : t("shell.roleUser")}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/profile">
            <User aria-hidden />
            {t("nav.profile")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem
          onSelect={(e) => {
            e.preventDefault();
            void onSignOut();
          }}
          disabled={signingOut}
        >
          <LogOut aria-hidden />
          {signingOut ? t("shell.signingOut") : t("shell.signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
