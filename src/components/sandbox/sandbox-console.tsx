"use client";

import { Smartphone } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/i18n/provider";
import { AccountActivityCard } from "./account-activity-card";
import { AccountsCard } from "./accounts-card";
import { BanCard } from "./ban-card";
import { ContactCard } from "./contact-card";
import { LinkDeviceCard } from "./link-device-card";

export function SandboxConsole() {
  const t = useT();
  const [phone, setPhone] = useState<string | null>(null);

  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)] lg:items-start">
      <AccountsCard selected={phone} onSelect={setPhone} />
      {phone ? (
        <div className="grid min-w-0 gap-6 2xl:grid-cols-2 2xl:items-start">
          <LinkDeviceCard phone={phone} />
          <ContactCard phone={phone} />
          <BanCard phone={phone} />
          <div className="2xl:col-span-2">
            <AccountActivityCard phone={phone} />
          </div>
        </div>
      ) : (
        <EmptyState icon={Smartphone} title={t("sandbox.pickAccount")} />
      )}
    </div>
  );
}
