"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { FlaskConical, Play } from "lucide-react";
import { useState, type ReactNode } from "react";
import { errorMessage } from "@/components/errors/error-message";
import { toWallClock } from "@/components/schedule/zoned-time";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormError, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { botReasonText } from "@/lib/bot/bot-reason";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { OutcomeBadge } from "./outcome";

/**
 * Types a message as a contact, at a chosen time in the bot's time zone, and shows what the bot would decide and
 * reply — nothing is sent. The decision uses the saved settings and rules.
 */
export function TestConsole({ deviceId }: { deviceId: string }) {
  const t = useT();
  const trpc = useTRPC();
  const config = useQuery(trpc.bot.getConfig.queryOptions({ deviceId }));
  const zone = config.data?.timezone ?? "UTC";
  const [text, setText] = useState("");
  const [when, setWhen] = useState("");
  const [contactName, setContactName] = useState("");
  const [firstTime, setFirstTime] = useState(false);
  const [inHandoff, setInHandoff] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const client = useTRPCClient();
  // A query on the server (it writes nothing), run on demand: each press asks again, even with the same input.
  const test = useMutation({
    mutationFn: (input: Parameters<typeof client.bot.test.query>[0]) => client.bot.test.query(input),
    onError: (error) => setFormError(errorMessage(error, t)),
  });

  const run = () => {
    setFormError(null);
    if (!text.trim()) {
      setFormError(t("bot.test.textRequired"));
      return;
    }
    // A wall-clock time without an offset: the server reads it in the bot's time zone.
    test.mutate({ deviceId, text, at: when || undefined, contactName: contactName.trim() || undefined, firstTime, inHandoff });
  };

  const result = test.data;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <Card>
        <CardHeader>
          <CardTitle>{t("bot.test.title")}</CardTitle>
          <CardDescription>{t("bot.test.body")}</CardDescription>
        </CardHeader>
        <CardContent>
          <form
            className="grid gap-4"
            data-testid="bot-test-form"
            onSubmit={(e) => {
              e.preventDefault();
              run();
            }}
          >
            <FormField id="test-text" label={t("bot.test.text")}>
              <Textarea id="test-text" rows={3} className="min-h-20" value={text} maxLength={4096} onChange={(e) => setText(e.target.value)} placeholder={t("bot.test.textPlaceholder")} />
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="test-when" className="content-start" label={t("bot.test.when")} hint={t("bot.test.whenHint", { zone: zone.replaceAll("_", " ") })}>
                <Input id="test-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} aria-describedby="test-when-hint" />
              </FormField>
              <FormField id="test-contact" className="content-start" label={`${t("bot.test.contactName")} (${t("common.optional")})`}>
                <Input id="test-contact" value={contactName} maxLength={100} onChange={(e) => setContactName(e.target.value)} />
              </FormField>
            </div>
            {when ? (
              <Button type="button" variant="link" size="sm" className="justify-self-start px-0" onClick={() => setWhen("")}>
                {t("bot.test.useNow", { now: toWallClock(new Date(), zone).replace("T", " ") })}
              </Button>
            ) : null}
            <div className="flex flex-wrap gap-x-6 gap-y-3">
              <div className="flex items-center gap-2">
                <Switch id="test-first" checked={firstTime} onCheckedChange={setFirstTime} />
                <Label htmlFor="test-first">{t("bot.test.firstTime")}</Label>
              </div>
              <div className="flex items-center gap-2">
                <Switch id="test-handoff" checked={inHandoff} onCheckedChange={setInHandoff} />
                <Label htmlFor="test-handoff">{t("bot.test.inHandoff")}</Label>
              </div>
            </div>
            <FormError message={formError} />
            <Button type="submit" loading={test.isPending} className="justify-self-start">
              {test.isPending ? null : <Play aria-hidden />}
              {t("bot.test.run")}
            </Button>
          </form>
        </CardContent>
      </Card>
      <Card aria-live="polite">
        <CardHeader>
          <CardTitle>{t("bot.test.resultTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          {!result ? (
            <div className="flex flex-col items-center gap-2 py-8 text-center text-sm text-muted-foreground">
              <FlaskConical className="size-6" aria-hidden />
              {t("bot.test.noResult")}
            </div>
          ) : (
            <dl className="grid gap-3" data-testid="bot-test-result" data-outcome={result.outcome}>
              <ResultRow label={t("bot.test.outcome")}>
                <OutcomeBadge outcome={result.outcome} />
              </ResultRow>
              <ResultRow label={t("bot.test.reason")}>
                <span data-testid="bot-test-reason">
                  {result.botOff ? t("bot.reasons.botOffNote", { reason: botReasonText(t, result.why) }) : botReasonText(t, result.why)}
                </span>
              </ResultRow>
              <ResultRow label={t("bot.test.rule")}>
                <span data-testid="bot-test-rule">{result.ruleName ?? t("common.none")}</span>
              </ResultRow>
              <ResultRow label={t("bot.test.reply")}>
                {result.reply ? (
                  <p className="max-w-prose rounded-lg rounded-tr-none bg-primary/10 px-3 py-2 text-sm whitespace-pre-wrap" data-testid="bot-test-reply">
                    {result.reply}
                  </p>
                ) : (
                  <span className="text-muted-foreground" data-testid="bot-test-reply">
                    {t("bot.test.noReply")}
                  </span>
                )}
              </ResultRow>
            </dl>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function ResultRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[7rem_1fr] sm:gap-3">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}
