import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import { getLocale } from "@/i18n/server";
import { I18nProvider } from "@/i18n/provider";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Switchboard", template: "%s · Switchboard" },
  description: "Self-hosted multi-device WhatsApp business messaging",
  // A private app: no search engine should list it (public/robots.txt says the same to crawlers).
  robots: { index: false, follow: false },
  icons: { apple: "/apple-touch-icon.png" },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { themeColor: "#0f766e", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
          <Toaster />
        </I18nProvider>
      </body>
    </html>
  );
}
