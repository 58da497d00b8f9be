"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { errorMessage } from "@/components/errors/error-message";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useT } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Opens or closes public sign-up (closed on a new install). */
export function SignupSetting() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  const update = useMutation(
    trpc.admin.settings.update.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.admin.settings.get.queryKey(), data);
        toast.success(t("adminOverview.signupChanged"));
      },
      onError: (error) => toast.error(errorMessage(error, t)),
    }),
  );
  const open = settings.data?.signupOpen ?? false;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("adminOverview.signupTitle")}</CardTitle>
        <CardDescription>{open ? t("adminOverview.signupOpen") : t("adminOverview.signupClosed")}</CardDescription>
      </CardHeader>
      <CardContent className="flex items-center gap-3">
        <Switch id="signup-open" checked={open} disabled={settings.isPending || update.isPending} onCheckedChange={(checked) => update.mutate({ signupOpen: checked })} />
        <Label htmlFor="signup-open">{t("adminOverview.signupLabel")}</Label>
      </CardContent>
    </Card>
  );
}
