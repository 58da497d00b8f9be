/** The column names of a CSV's first row (comma, semicolon or tab), for the column mapping; the server parses the file. */
export function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = line.includes(",") ? "," : line.includes(";") ? ";" : line.includes("\t") ? "\t" : ",";
  return line
    .split(delimiter)
    .map((cell) => cell.trim().replace(/^"(.*)"$/, "$1").trim())
    .filter((cell) => cell.length > 0);
}

/** Data rows (non-empty lines after the header); an estimate for the hint, quoted newlines aside. */
export function csvRowCount(text: string): number {
  return Math.max(0, text.split(/\r?\n/).filter((l) => l.trim()).length - 1);
}
