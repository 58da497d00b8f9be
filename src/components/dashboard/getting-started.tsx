"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Check } from "lucide-react";
import Link from "next/link";
import { useLiveEvent } from "@/components/live/live-events-provider";
import { useViewer } from "@/components/shell/viewer-context";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";
import type { PlainMessageKey } from "@/i18n/types";
import { useT } from "@/i18n/provider";
import type { TGettingStartedResponse } from "@/server/api/routers/device/getting-started.types";
import { useTRPC } from "@/trpc/react";

interface Step {
  key: keyof TGettingStartedResponse["steps"];
  title: PlainMessageKey;
  body: PlainMessageKey;
  action: { label: PlainMessageKey; href: string } | null;
}

/** The steps for this viewer: only admins create devices, and only admins play the phone in the sandbox. */
function stepsFor(isAdmin: boolean, sandbox: boolean, data: TGettingStartedResponse): Step[] {
  const devicePage = data.device ? `/devices/${encodeURIComponent(data.device.deviceId)}` : "/devices";
  return [
    {
      key: "createDevice",
      title: "gettingStarted.createTitle",
      body: isAdmin ? "gettingStarted.createBodyAdmin" : "gettingStarted.createBodyUser",
      action: isAdmin ? { label: "gettingStarted.createAction", href: "/admin/devices" } : null,
    },
    {
      key: "connect",
      title: "gettingStarted.connectTitle",
      body: "gettingStarted.connectBody",
      action: { label: "gettingStarted.connectAction", href: devicePage },
    },
    sandbox && isAdmin
      ? { key: "link", title: "gettingStarted.scanSandboxTitle", body: "gettingStarted.scanSandboxBody", action: { label: "gettingStarted.scanSandboxAction", href: "/sandbox" } }
      : {
          key: "link",
          title: "gettingStarted.scanTitle",
          body: sandbox ? "gettingStarted.scanBodySandboxUser" : "gettingStarted.scanBody",
          action: { label: "gettingStarted.scanAction", href: devicePage },
        },
    {
      key: "sendMessage",
      title: "gettingStarted.sendTitle",
      body: "gettingStarted.sendBody",
      action: { label: "gettingStarted.sendAction", href: "/send-message" },
    },
  ];
}

/**
 * The first-run checklist on the dashboard: create a device → connect → scan (in /sandbox in sandbox mode) → send a
 * first message. Steps are ticked from stored data and kept current by the live stream; it disappears once all are done.
 */
export function GettingStarted() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const progress = useQuery(trpc.device.gettingStarted.queryOptions());
  const sandbox = useQuery(trpc.sandbox.enabled.queryOptions());
  // Device events already refresh every ["device"] query; a first message shows up as a message event.
  useLiveEvent("message.status", () => void queryClient.invalidateQueries({ queryKey: trpc.device.gettingStarted.queryKey() }));

  if (progress.isError) return null; // the dashboard below shows its own errors; a checklist is a hint, not a page
  if (progress.isPending || sandbox.isPending) {
    return <Skeleton className="mb-6 h-48 rounded-xl" />;
  }
  const steps = stepsFor(viewer.role === "admin", sandbox.data?.enabled === true, progress.data);
  const done = steps.filter((s) => progress.data.steps[s.key]).length;
  if (done === steps.length) return null;
  const current = steps.findIndex((s) => !progress.data.steps[s.key]);

  return (
    <Card className="mb-6" data-testid="getting-started">
      <CardHeader className="gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid gap-1">
          <CardTitle>{t("gettingStarted.title")}</CardTitle>
          <CardDescription>{t("gettingStarted.description")}</CardDescription>
        </div>
        <p className="shrink-0 text-sm font-medium tabular-nums text-muted-foreground" id="getting-started-progress">
          {t("gettingStarted.progress", { done, total: steps.length })}
        </p>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Progress value={(done / steps.length) * 100} aria-labelledby="getting-started-progress" />
        <ol className="grid gap-2">
          {steps.map((step, index) => {
            const complete = progress.data.steps[step.key];
            const isCurrent = index === current;
            return (
              <li
                key={step.key}
                data-step={step.key}
                data-done={complete}
                className={cn(
                  "flex flex-col gap-3 rounded-lg border p-3 sm:flex-row sm:items-center",
                  isCurrent ? "border-primary/40 bg-primary/5" : "border-transparent",
                )}
              >
                <div className="flex min-w-0 flex-1 items-start gap-3">
                  <span
                    className={cn(
                      "flex size-7 shrink-0 items-center justify-center rounded-full border text-sm font-semibold tabular-nums",
                      complete ? "border-success bg-success text-white" : isCurrent ? "border-primary text-primary" : "text-muted-foreground",
                    )}
                  >
                    {complete ? <Check className="size-4" aria-label={t("gettingStarted.done")} /> : index + 1}
                  </span>
                  <div className="min-w-0">
                    <p className={cn("text-sm font-medium", complete && "text-muted-foreground line-through decoration-muted-foreground/50")}>
                      {t(step.title)}
                    </p>
                    {complete ? null : <p className="text-sm text-muted-foreground">{t(step.body)}</p>}
                  </div>
                </div>
                {!complete && step.action ? (
                  <Button asChild size="sm" variant={isCurrent ? "default" : "outline"} className="self-start sm:self-center">
                    <Link href={step.action.href}>{t(step.action.label)}</Link>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
      </CardContent>
    </Card>
  );
}
