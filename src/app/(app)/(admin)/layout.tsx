import type { ReactNode } from "react";
import { AdminOnly } from "@/components/admin/admin-only";
import { requireViewer } from "../../_server/viewer";

/** Every page under here is admin-only; the procedures refuse users with FORBIDDEN, and the page says so. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  if (viewer.role !== "admin") return <AdminOnly />;
  return children;
}
