/**
 * One CSV cell, safe to open in a spreadsheet: quoted when needed, and never the
 * start of a formula (a name like `=HYPERLINK(...)` would run when the report is opened).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text a spreadsheet cannot read as a formula: a leading `'` where one would start (shown as typed, never run). */
export function notFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value); // a row number: nothing to quote, never a formula
  const text = notFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A line of results.csv. */
export function csvLine(values: (string | number | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
