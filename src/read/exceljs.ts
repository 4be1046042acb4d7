/**
 * exceljs, loaded when a copy of a sheet is written (annotated.xlsx,
 * `--write-fixed`): the commands that write none start without it. It is
 * CommonJS, so `require` loads it at the moment it is first needed.
 */
import { createRequire } from 'node:module';
import type * as ExcelJSNamespace from 'exceljs';

export type ExcelJSModule = typeof ExcelJSNamespace;

export function loadExcelJS(): ExcelJSModule {
  return createRequire(import.meta.url)('exceljs') as ExcelJSModule;
}
