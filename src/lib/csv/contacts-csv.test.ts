import { describe, expect, it } from "vitest";
import { parseContactsCsv } from "./contacts-csv";
import { escapeFormula, unescapeFormula } from "./formula";

describe("parseContactsCsv", () => {
  it("reads name, phone, tags and notes in any column order, normalising phones and de-duplicating tags", () => {
    const result = parseContactsCsv("Tags,Phone,Name,Extra\nvip; Jakarta ;VIP;,0812-3456-7890,Budi,x\n,+1 555 123 4567,,\n");
    expect(result).toEqual({
      ok: true,
      total: 2,
      errors: [],
      rows: [
        { row: 2, name: "Budi", phone: "+6281234567890", phoneAsWritten: "0812-3456-7890", tags: ["vip", "Jakarta"], notes: null },
        { row: 3, name: null, phone: "+15551234567", phoneAsWritten: "+1 555 123 4567", tags: [], notes: null },
      ],
    });
  });

  it("reports each bad row with its spreadsheet row number, counting blank and multi-line rows", () => {
    const csv = [
      "name,phone,tags",
      "Good,081234567890,",
      "",
      "Bad phone,12,",
      '"Two',
      'lines",call me,',
      `Long tag,081234567891,${"x".repeat(65)}`,
      "Again,+62 812-3456-7890,",
    ].join("\n");
    const result = parseContactsCsv(csv);
    expect(result.ok && result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.ok && result.errors).toEqual([
      { row: 4, error: '"12" is too short' },
      { row: 5, error: '"call me" may only contain digits, spaces, \'+\', \'-\', \'.\', \'(\' and \')\'' },
      { row: 7, error: expect.stringContaining("longer than 64 characters") },
      { row: 8, error: "+6281234567890 is already on row 2" },
    ]);
    expect(result.ok && result.total).toBe(6 - 1);
  });

  it("reads a number written with the country code but no '+' as international, not as +62 62…", () => {
    const result = parseContactsCsv("name,phone\nA,62811555666\nB,0811-555-666\n");
    expect(result.ok && result.rows.map((r) => r.phone)).toEqual(["+62811555666"]);
    expect(result.ok && result.errors).toEqual([{ row: 3, error: "+62811555666 is already on row 2" }]);
  });

  it("accepts semicolon-separated files and a UTF-8 BOM", () => {
    const result = parseContactsCsv('\uFEFFname;phone;tags\nSiti;081234567890;"a;b"\n');
    expect(result).toMatchObject({ ok: true, rows: [{ name: "Siti", phone: "+6281234567890", tags: ["a", "b"] }] });
  });

  it("refuses files without a phone column, without rows, or that are not CSV", () => {
    expect(parseContactsCsv("name,number\nBudi,0812\n")).toMatchObject({ ok: false, error: expect.stringContaining('"phone"') });
    expect(parseContactsCsv("name,phone\n\n")).toMatchObject({ ok: false, error: expect.stringContaining("no contacts") });
    expect(parseContactsCsv("")).toMatchObject({ ok: false, error: "The file is empty" });
    expect(parseContactsCsv('name,phone\n"Budi,0812\n')).toMatchObject({ ok: false, error: expect.stringContaining("not valid CSV") });
  });

  it("undoes the export's formula escaping", () => {
    const result = parseContactsCsv("name,phone,notes\n'=HYPERLINK(1),081234567890,'+ note\n");
    expect(result).toMatchObject({ ok: true, rows: [{ name: "=HYPERLINK(1)", notes: "+ note" }] });
  });
});

describe("formula escaping", () => {
  it("prefixes cells a spreadsheet would run, and round-trips", () => {
    for (const value of ["=1+1", "+62", "-x", "@SUM", "plain", "'quoted"]) expect(unescapeFormula(escapeFormula(value))).toBe(value);
    expect(escapeFormula("=1+1")).toBe("'=1+1");
    expect(escapeFormula("Budi")).toBe("Budi");
  });
});
