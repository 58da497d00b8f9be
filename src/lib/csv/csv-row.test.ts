import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvRow, type CsvCell } from "./csv-row";
import { escapeFormula } from "./formula";

const tricky: CsvCell[][] = [
  [1, "plain", "koma, \"kutip\"\nbaris baru", "Terima kasih 🙏", null, true, false, new Date(Date.UTC(2026, 10, 20, 3, 0, 0, 250))],
  [-2.5, '=HYPERLINK("http://x")', "+62 811", "@SUM(A1)", "-Ani", "\ttab", "line\r\nbreak", ""],
];

describe("csvRow", () => {
  it("writes the same bytes as csv-stringify with formula-escaped cells", () => {
    const viaLibrary = stringify(tricky.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : typeof v === "string" ? escapeFormula(v) : v))));
    expect(tricky.map(csvRow).join("")).toBe(viaLibrary);
  });

  it("parses back to the cells, formulas prefixed with an apostrophe", () => {
    const [first, second] = parse(tricky.map(csvRow).join("")) as string[][];
    expect(first).toEqual(["1", "plain", "koma, \"kutip\"\nbaris baru", "Terima kasih 🙏", "", "1", "", "2026-11-20T03:00:00.250Z"]);
    expect(second).toEqual(["-2.5", `'=HYPERLINK("http://x")`, "'+62 811", "'@SUM(A1)", "'-Ani", "'\ttab", "line\r\nbreak", ""]);
  });
});
