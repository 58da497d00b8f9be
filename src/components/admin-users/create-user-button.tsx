"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/i18n/provider";
import { UserFormDialog } from "./user-form-dialog";

export function CreateUserButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setRound((r) => r + 1);
          setOpen(true);
        }}
      >
        <UserPlus aria-hidden />
        {t("adminUsers.create")}
      </Button>
      {/* A new key per opening gives an empty form; it stays mounted after closing so the password dialog can show. */}
      {round > 0 ? <UserFormDialog key={round} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
