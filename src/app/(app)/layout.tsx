import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { isSandboxMode, requireViewer } from "../_server/viewer";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <AppShell viewer={viewer} sandbox={isSandboxMode()}>
      {children}
    </AppShell>
  );
}
