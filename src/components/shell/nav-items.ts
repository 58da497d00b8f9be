import {
  Activity,
  BookUser,
  ChartColumn,
  Clock,
  Code,
  FileText,
  FlaskConical,
  LayoutDashboard,
  ListChecks,
  type LucideIcon,
  Megaphone,
  MessageSquare,
  MessagesSquare,
  ScrollText,
  Send,
  Shield,
  Smartphone,
  User,
  Users,
  UsersRound,
} from "lucide-react";
import type { PlainMessageKey } from "@/i18n/types";

export interface NavItem {
  href: string;
  label: PlainMessageKey;
  icon: LucideIcon;
}

export const userNav: NavItem[] = [
  { href: "/dashboard", label: "nav.dashboard", icon: LayoutDashboard },
  { href: "/devices", label: "nav.devices", icon: Smartphone },
  { href: "/send-message", label: "nav.sendMessage", icon: Send },
  { href: "/schedule-message", label: "nav.scheduleMessage", icon: Clock },
  { href: "/chat-blast", label: "nav.chatBlast", icon: Megaphone },
  { href: "/jobs", label: "nav.jobs", icon: ListChecks },
  { href: "/contacts", label: "nav.contacts", icon: BookUser },
  { href: "/templates", label: "nav.templates", icon: FileText },
  { href: "/chat-history", label: "nav.chatHistory", icon: MessagesSquare },
  { href: "/activity", label: "nav.activity", icon: Activity },
  { href: "/developers", label: "nav.developers", icon: Code },
  { href: "/profile", label: "nav.profile", icon: User },
];

export const adminNav: NavItem[] = [
  { href: "/admin", label: "nav.admin", icon: Shield },
  { href: "/admin/users", label: "nav.adminUsers", icon: Users },
  { href: "/admin/devices", label: "nav.adminDevices", icon: Smartphone },
  { href: "/admin/messages", label: "nav.adminMessages", icon: MessageSquare },
  { href: "/admin/groups", label: "nav.adminGroups", icon: UsersRound },
  { href: "/admin/contacts", label: "nav.adminContacts", icon: BookUser },
  { href: "/admin/jobs", label: "nav.adminJobs", icon: ListChecks },
  { href: "/admin/logs", label: "nav.adminLogs", icon: ScrollText },
  { href: "/analytics", label: "nav.analytics", icon: ChartColumn },
];

export const sandboxNav: NavItem = { href: "/sandbox", label: "nav.sandbox", icon: FlaskConical };

