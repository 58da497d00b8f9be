import type { ReactNode } from "react";
import { AdminRequired } from "@/components/errors/admin-required";
import { requireViewer } from "../../_server/viewer";

/**
 * Every page under here is admin-only. A normal user is told so, in place of the page, rather than redirected
 * without a word; the API refuses their calls with FORBIDDEN either way.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  if (viewer.role !== "admin") return <AdminRequired />;
  return children;
}
