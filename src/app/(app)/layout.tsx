import type { ReactNode } from "react";
import { PhoneRuleProvider } from "@/components/phone/phone-rule";
import { AppShell } from "@/components/shell/app-shell";
import { env } from "@/env";
import { isSandboxMode, requireViewer } from "../_server/viewer";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <PhoneRuleProvider callingCode={env().DEFAULT_COUNTRY_CODE}>
      <AppShell viewer={viewer} sandbox={isSandboxMode()}>
        {children}
      </AppShell>
    </PhoneRuleProvider>
  );
}
