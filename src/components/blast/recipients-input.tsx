"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { useT } from "@/i18n/provider";
import { useTRPC, type RouterInputs } from "@/trpc/react";
import { csvHeader, csvRowCount } from "./csv-header";

export type RecipientsValue = RouterInputs["job"]["create"]["recipients"];
type Source = RecipientsValue["source"];

/** The client-side cap mirrors JOB_CSV_MAX_BYTES' default; the server enforces the configured one. */
const CSV_MAX_BYTES = 2 * 1024 * 1024;
const NONE = "__none__";

/** Recipients from pasted lines, a CSV (columns mapped to phone, name and placeholders) or contacts by tag. */
export function RecipientsInput({ placeholders, onChange }: { placeholders: string[]; onChange: (value: RecipientsValue | null) => void }) {
  const t = useT();
  const trpc = useTRPC();
  const tags = useQuery(trpc.contact.tags.list.queryOptions());
  const [source, setSource] = useState<Source>("paste");
  const [text, setText] = useState("");
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [phoneColumn, setPhoneColumn] = useState("");
  const [nameColumn, setNameColumn] = useState(NONE);
  const [variableColumns, setVariableColumns] = useState<Record<string, string>>({});
  const [tagIds, setTagIds] = useState<number[]>([]);
  const columns = csv ? csvHeader(csv.text) : [];
  const mapped = placeholders.filter((p) => p !== "name");

  const emit = (next: { source?: Source; text?: string; csv?: { name: string; text: string } | null; phone?: string; name?: string; vars?: Record<string, string>; tags?: number[] }) => {
    const s = next.source ?? source;
    if (s === "paste") return onChange({ source: "paste", text: next.text ?? text });
    if (s === "tags") {
      const ids = next.tags ?? tagIds;
      return onChange(ids.length ? { source: "tags", tagIds: ids } : null);
    }
    const file = next.csv === undefined ? csv : next.csv;
    const phone = next.phone ?? phoneColumn;
    if (!file || !phone) return onChange(null);
    const name = next.name ?? nameColumn;
    const vars = Object.fromEntries(Object.entries(next.vars ?? variableColumns).filter(([key, column]) => column && column !== NONE && mapped.includes(key)));
    onChange({ source: "csv", csv: file.text, phoneColumn: phone, ...(name !== NONE ? { nameColumn: name } : {}), variableColumns: vars });
  };

  const onFile = async (file: File | undefined) => {
    setCsvError(null);
    if (!file) return;
    if (file.size > CSV_MAX_BYTES) {
      setCsv(null);
      setCsvError(t("blast.csvTooLarge", { size: CSV_MAX_BYTES / 1024 }));
      return emit({ csv: null });
    }
    const loaded = { name: file.name, text: await file.text() };
    const header = csvHeader(loaded.text);
    const guess = (re: RegExp) => header.find((h) => re.test(h)) ?? "";
    const phone = guess(/phone|nomor|number|hp|wa/i) || header[0] || "";
    const name = guess(/name|nama/i) || NONE;
    const vars = Object.fromEntries(mapped.map((p) => [p, header.find((h) => h.toLowerCase() === p.toLowerCase()) ?? NONE]));
    setCsv(loaded);
    setPhoneColumn(phone);
    setNameColumn(name);
    setVariableColumns(vars);
    emit({ csv: loaded, phone, name, vars });
  };

  const columnSelect = (id: string, label: string, value: string, onValue: (v: string) => void, optional: boolean) => (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select value={value} onValueChange={onValue}>
        <SelectTrigger id={id}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {optional ? <SelectItem value={NONE}>{t("blast.noColumn")}</SelectItem> : null}
          {columns.map((c) => (
            <SelectItem key={c} value={c}>
              {c}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );

  return (
    <Tabs value={source} onValueChange={(v) => (setSource(v as Source), emit({ source: v as Source }))} className="grid gap-3">
      <TabsList className="w-full sm:w-auto">
        <TabsTrigger value="paste">{t("blast.sourcePaste")}</TabsTrigger>
        <TabsTrigger value="csv">{t("blast.sourceCsv")}</TabsTrigger>
        <TabsTrigger value="tags">{t("blast.sourceTags")}</TabsTrigger>
      </TabsList>
      <TabsContent value="paste">
        <FormField id="blast-numbers" label={t("blast.pasteLabel")} hint={t("blast.pasteHint")}>
          <Textarea
            id="blast-numbers"
            rows={6}
            className="font-mono text-xs"
            placeholder={"0812-3456-7890,Budi\n+62 813 1111 2222,Sari"}
            value={text}
            onChange={(e) => (setText(e.target.value), emit({ text: e.target.value }))}
          />
        </FormField>
      </TabsContent>
      <TabsContent value="csv" className="grid gap-3">
        <FormField id="blast-csv" label={t("blast.csvFile")} hint={t("blast.csvHint", { size: CSV_MAX_BYTES / 1024 })} error={csvError ?? undefined}>
          <input
            id="blast-csv"
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-sm file:mr-3 file:rounded-md file:border file:bg-muted file:px-3 file:py-1.5"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </FormField>
        {csv ? (
          <div className="grid gap-3">
            <p className="text-xs text-muted-foreground" data-testid="csv-summary">
              {t("blast.csvRows", { count: csvRowCount(csv.text), columns: columns.join(", ") })}
            </p>
            <div className="grid gap-3 sm:grid-cols-2 [&_[role=combobox]]:min-w-0">
              {columnSelect("blast-phone-column", t("blast.phoneColumn"), phoneColumn, (v) => (setPhoneColumn(v), emit({ phone: v })), false)}
              {columnSelect("blast-name-column", t("blast.nameColumn"), nameColumn, (v) => (setNameColumn(v), emit({ name: v })), true)}
              {mapped.map((p) =>
                columnSelect(`blast-column-${p}`, t("blast.placeholderColumn", { placeholder: `{{${p}}}` }), variableColumns[p] ?? NONE, (v) => {
                  const vars = { ...variableColumns, [p]: v };
                  setVariableColumns(vars);
                  emit({ vars });
                }, true),
              )}
            </div>
          </div>
        ) : null}
      </TabsContent>
      <TabsContent value="tags">
        {(tags.data?.items ?? []).length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("blast.noTags")}</p>
        ) : (
          <fieldset className="flex flex-wrap gap-2" aria-label={t("blast.tags")}>
            {(tags.data?.items ?? []).map((tag) => {
              const on = tagIds.includes(tag.id);
              return (
                <label key={tag.id} className="inline-flex cursor-pointer items-center gap-2 rounded-full border px-3 py-1 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/10">
                  <input
                    type="checkbox"
                    className="accent-primary"
                    checked={on}
                    onChange={() => {
                      const ids = on ? tagIds.filter((id) => id !== tag.id) : [...tagIds, tag.id];
                      setTagIds(ids);
                      emit({ tags: ids });
                    }}
                  />
                  {tag.name}
                </label>
              );
            })}
          </fieldset>
        )}
      </TabsContent>
    </Tabs>
  );
}
