import Link from "next/link";
import { SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getT } from "@/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <div className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        className="w-full max-w-md bg-card"
        icon={SearchX}
        title={t("common.notFoundTitle")}
        description={t("common.notFoundBody")}
        action={
          <Button asChild>
            <Link href="/dashboard">{t("common.goToDashboard")}</Link>
          </Button>
        }
      />
    </div>
  );
}
