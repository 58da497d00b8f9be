import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/i18n/server";

/** Shown in place of an admin-only page to a signed-in user who is not an administrator. */
export async function AdminRequired() {
  const t = await getT();
  return (
    <div data-testid="admin-required">
      <EmptyState
        className="bg-card"
        icon={ShieldAlert}
        title={<span role="heading" aria-level={1}>{t("common.adminRequiredTitle")}</span>}
        description={t("common.adminRequiredBody")}
        action={
          <Button asChild>
            <Link href="/dashboard">{t("common.goToDashboard")}</Link>
          </Button>
        }
      />
    </div>
  );
}
