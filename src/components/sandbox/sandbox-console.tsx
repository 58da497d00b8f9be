"use client";

import { Smartphone } from "lucide-react";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { useT } from "@/i18n/provider";
import { AccountActivityCard } from "./account-activity-card";
import { AccountsCard } from "./accounts-card";
import { BanCard } from "./ban-card";
import { ContactCard } from "./contact-card";
import { GroupsCard } from "./groups-card";
import { LinkDeviceCard } from "./link-device-card";
import { NotOnWhatsAppCard } from "./not-on-whatsapp-card";
import { PhoneBehaviourCard } from "./phone-behaviour-card";
import { SandboxIntro } from "./sandbox-intro";
import { useSandboxAccounts } from "./use-sandbox";

export function SandboxConsole() {
  const t = useT();
  const accounts = useSandboxAccounts();
  const [phone, setPhone] = useState<string | null>(null);
  const noPhones = accounts.data?.length === 0;

  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_minmax(0,1fr)] lg:items-start">
      <div className="grid min-w-0 gap-6">
        <AccountsCard selected={phone} onSelect={setPhone} />
        <NotOnWhatsAppCard />
      </div>
      {phone ? (
        <div className="grid min-w-0 gap-6 2xl:grid-cols-2 2xl:items-start">
          <LinkDeviceCard phone={phone} />
          <ContactCard phone={phone} />
          <PhoneBehaviourCard phone={phone} />
          <BanCard phone={phone} />
          <GroupsCard phone={phone} />
          <div className="2xl:col-span-2">
            <AccountActivityCard phone={phone} />
          </div>
        </div>
      ) : noPhones ? (
        <div className="order-first lg:order-none">
          <SandboxIntro onCreated={setPhone} />
        </div>
      ) : (
        <EmptyState icon={Smartphone} title={t("sandbox.pickAccount")} />
      )}
    </div>
  );
}
