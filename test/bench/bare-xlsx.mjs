/**
 * The floor for reading an XLSX: exceljs's streaming reader with its defaults
 * (shared strings cached), counting the rows of every worksheet, nothing else.
 * `node bare-xlsx.mjs FILE` prints the row count.
 */
import ExcelJS from 'exceljs';

let rows = 0;
for await (const worksheet of new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {})) {
  for await (const _row of worksheet) rows++;
}
console.log(rows);
