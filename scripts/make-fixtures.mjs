#!/usr/bin/env node
/**
 * Builds fixtures/contacts.xlsx from fixtures/contacts.csv, so the two sample
 * sheets always hold the same contacts:
 *
 *   node scripts/make-fixtures.mjs
 *
 * One sheet, "Contacts"; the header row bold and frozen; every cell written as
 * text, and the Phone column formatted as Text ("@") so that Excel keeps
 * 13912345678 as typed instead of turning it into a number.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const source = `${fixtures}contacts.csv`;
const target = `${fixtures}contacts.xlsx`;

const [header, ...rows] = parse(readFileSync(source), { bom: true, skip_empty_lines: true, relax_column_count: true });
if (!header) throw new Error(`${source} is empty`);

const workbook = new ExcelJS.Workbook();
workbook.creator = 'contact-import scripts/make-fixtures.mjs';
// Fixed dates: rebuilding from the same CSV gives the same workbook.
workbook.created = workbook.modified = new Date(Date.UTC(2024, 0, 1));

const sheet = workbook.addWorksheet('Contacts', { views: [{ state: 'frozen', ySplit: 1 }] });
sheet.columns = header.map((name) => ({
  header: name,
  width: Math.max(12, name.length + 2, ...rows.map((row) => String(row[header.indexOf(name)] ?? '').length + 2)),
  style: /^phone$/i.test(name) ? { numFmt: '@' } : {},
}));
sheet.getRow(1).font = { bold: true };
for (const row of rows) {
  // Empty CSV fields stay empty cells, not empty strings.
  sheet.addRow(header.map((_, i) => (row[i] === undefined || row[i] === '' ? null : row[i])));
}

await workbook.xlsx.writeFile(target);
console.log(`wrote ${target}: sheet "Contacts", ${rows.length} contacts`);
