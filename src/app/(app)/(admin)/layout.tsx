import type { ReactNode } from "react";
import { requireAdmin } from "../../_server/viewer";

/** Every page under here is admin-only; a normal user is sent to the dashboard. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
