import { z } from "zod";

export const CSV_BYTES_MAX = 2 * 1024 * 1024;
const BASE64_MAX = Math.ceil(CSV_BYTES_MAX / 3) * 4;
const TOO_LARGE = "The file is larger than 2 MB; split it and import the parts";

function decodeBase64(value: string, ctx: z.RefinementCtx): string {
  const data = value.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 === 1) {
    ctx.addIssue({ code: "custom", message: "The file content is not valid base64" });
    return z.NEVER;
  }
  const bytes = Buffer.from(data, "base64");
  if (bytes.length > CSV_BYTES_MAX) {
    ctx.addIssue({ code: "custom", message: TOO_LARGE });
    return z.NEVER;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    ctx.addIssue({ code: "custom", message: "The file is not UTF-8 text; save it as \"CSV UTF-8\" and try again" });
    return z.NEVER;
  }
}

/** The CSV as text, or as base64 (the raw bytes of an uploaded file, optionally as a data: URL). */
export const ZImportContactsCsvRequestSchema = z
  .union(
    [
      z.strictObject({ csv: z.string().max(CSV_BYTES_MAX, TOO_LARGE) }),
      z.strictObject({ base64: z.string().max(BASE64_MAX + 64, TOO_LARGE).transform(decodeBase64) }).transform(({ base64 }) => ({ csv: base64 })),
    ],
    { error: "Send the file as csv (text) or base64" },
  )
  .refine(({ csv }) => Buffer.byteLength(csv) <= CSV_BYTES_MAX, TOO_LARGE);

export const ZImportContactsCsvResponseSchema = z.object({
  total: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  failed: z.number().int(),
  /** Bad rows (the first 1000), numbered as in a spreadsheet: the header is row 1. */
  errors: z.array(z.object({ row: z.number().int(), error: z.string() })),
});

export type TImportContactsCsvRequest = z.input<typeof ZImportContactsCsvRequestSchema>;
export type TImportContactsCsvResponse = z.infer<typeof ZImportContactsCsvResponseSchema>;
