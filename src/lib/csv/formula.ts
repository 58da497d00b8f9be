const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula (CSV injection). Exported text fields get a
 * leading apostrophe, which spreadsheets hide; phone numbers are E.164 digits and are exported as they are.
 */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes escapeFormula on import, so an exported file imports back unchanged. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
