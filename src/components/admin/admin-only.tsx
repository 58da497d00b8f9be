import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/i18n/server";

/** What a signed-in user sees on an administration page: a clear refusal, not a redirect that hides why. */
export async function AdminOnly() {
  const t = await getT();
  return (
    <div data-testid="admin-only" className="mx-auto mt-10 max-w-lg">
      <EmptyState
        icon={ShieldAlert}
        title={t("admin.onlyTitle")}
        description={t("admin.onlyBody")}
        action={
          <Button asChild variant="outline">
            <Link href="/dashboard">{t("common.goToDashboard")}</Link>
          </Button>
        }
      />
    </div>
  );
}
