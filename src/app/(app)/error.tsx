"use client";

import { ErrorState } from "@/components/ui/error-state";
import { useT } from "@/i18n/provider";

/** Last-resort boundary for a page that threw while rendering; the shell stays usable. */
export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return <ErrorState title={t("common.errorTitle")} message={t("common.unknownError")} retryLabel={t("common.retry")} onRetry={reset} />;
}
