import { z } from "zod";

export const CSV_BYTES_MAX = 2 * 1024 * 1024;
const BASE64_MAX = Math.ceil(CSV_BYTES_MAX / 3) * 4;
const TOO_LARGE = "The file is larger than 2 MB; split it and import the parts";

/** The bytes as UTF-8 text, or null with an issue added. */
function decodeBase64(value: string, ctx: z.RefinementCtx): string | null {
  const data = value.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 === 1) {
    ctx.addIssue({ code: "custom", message: "The file content is not valid base64" });
    return null;
  }
  const bytes = Buffer.from(data, "base64");
  if (bytes.length > CSV_BYTES_MAX) {
    ctx.addIssue({ code: "custom", message: TOO_LARGE });
    return null;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    ctx.addIssue({ code: "custom", message: "The file is not UTF-8 text; save it as \"CSV UTF-8\" and try again" });
    return null;
  }
}

/**
 * The CSV as text, or as base64 (the raw bytes of an uploaded file, optionally as a data: URL): exactly one of the
 * two. One object rather than a union, so the OpenAPI document can describe it as a request body.
 */
export const ZImportContactsCsvRequestSchema = z
  .strictObject({
    csv: z.string().max(CSV_BYTES_MAX, TOO_LARGE).optional(),
    base64: z.string().max(BASE64_MAX + 64, TOO_LARGE).optional(),
  })
  .transform((input, ctx) => {
    if ((input.csv === undefined) === (input.base64 === undefined)) {
      ctx.addIssue({ code: "custom", message: "Send the file as csv (text) or base64" });
      return z.NEVER;
    }
    const csv = input.base64 === undefined ? (input.csv ?? "") : decodeBase64(input.base64, ctx);
    if (csv === null) return z.NEVER;
    if (Buffer.byteLength(csv) > CSV_BYTES_MAX) {
      ctx.addIssue({ code: "custom", message: TOO_LARGE });
      return z.NEVER;
    }
    return { csv };
  });

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
