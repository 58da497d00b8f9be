"use client";

/** Counts CSV records in streamed text: a newline ends a record only outside quotes (cells may span lines). */
export function csvRecordCounter(): (text: string) => number {
  let inQuotes = false;
  return (text) => {
    let records = 0;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) records += 1;
    }
    return records;
  };
}

export interface ExportProgress {
  done: number;
  total: number;
}

/**
 * Downloads an export while reporting rows received (the server streams it; `x-export-rows` says how many to expect),
 * then hands the file to the browser. JSON exports have one row per line; CSV rows are counted outside quotes.
 */
export async function downloadExport(url: string, onProgress: (p: ExportProgress) => void, signal: AbortSignal): Promise<number> {
  const response = await fetch(url, { signal, credentials: "same-origin" });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `HTTP ${response.status}`);
  }
  const total = Number(response.headers.get("x-export-rows") ?? 0);
  const isCsv = (response.headers.get("content-type") ?? "").startsWith("text/csv");
  const count = csvRecordCounter();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    const text = decoder.decode(value, { stream: true });
    lines += isCsv ? count(text) : (text.match(/\n/g)?.length ?? 0);
    // CSV: the header line; JSON: the opening "[" line and the closing "]" line.
    onProgress({ done: Math.min(total, Math.max(0, lines - 1)), total });
  }
  onProgress({ done: total, total });
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "export";
  const blob = new Blob(chunks as BlobPart[], { type: response.headers.get("content-type") ?? "application/octet-stream" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return total;
}
