"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { useT } from "@/i18n/provider";

/** Tells every signed-in admin about a public sign-up as it happens (only admins receive the event). */
export function AdminNotices() {
  const t = useT();
  const router = useRouter();
  useLiveEvent("admin.userRegistered", (event) => {
    toast.info(t("adminOverview.newSignup", { name: event.data.username }), {
      action: { label: t("nav.adminUsers"), onClick: () => router.push("/admin/users") },
    });
  });
  return null;
}
