/**
 * One CSV cell, safe to open in a spreadsheet: quoted when needed, and never the
 * start of a formula (a name like `=HYPERLINK(...)` would run when the report is opened).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
