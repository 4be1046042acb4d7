/**
 * The benchmark's data sets: deterministic contact sheets, the same bytes on
 * every machine for the same size, like an organisation-wide export.
 *
 * Rows are contacts of the `cn` site: about 15% have Chinese names, about 3%
 * are invalid (one of every kind of problem the API refuses, in turn) and about
 * 2% repeat an earlier name.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { seededRandom } from '../../dist/emulator/faults.js';

export const HEADER = ['Name', 'Email', 'Phone', 'Title', 'MessageTypes'];

const GIVEN = ['Alice', 'Bob', 'Carol', 'David', 'Eva', 'Frank', 'Grace', 'Henry', 'Ivy', 'Jack', 'Kate', 'Leo', 'Mia', 'Noah'];
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'];
const HAN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌宇浩凯鑫鹏飞'];
const TITLES = ['FinanceDirector', 'TechnicalDirector', 'MaintenanceDirector', 'CEO', 'ProjectDirector', 'Other'];
const TYPES = ['ServiceMessage', 'FaultMessage', 'AccountExpenses', 'SecurityMessage', 'ActivityMessage', 'ProductMessage'];
const DOMAINS = ['example.com', 'example.cn', 'corp.example.org'];

/** Invalid rows, one kind after another: each breaks one rule (the API would answer with the code in the comment). */
const BREAKERS = [
  (c) => ({ ...c, name: '' }), // MissingParameter.Name
  (c) => ({ ...c, name: `${c.name}Extralongname` }), // InvalidParameter.Name.Length
  (c) => ({ ...c, name: `${c.name}7` }), // InvalidParameter.Name
  (c) => ({ ...c, email: '' }), // MissingParameter.EmailAddress
  (c) => ({ ...c, email: c.email.replace('@', ' at ') }), // InvalidParameter.EmailAddress
  (c) => ({ ...c, phone: '12345' }), // InvalidParameter.PhoneNumber
  (c) => ({ ...c, phone: '999-13912345678' }), // InvalidParameter.MobileCountryCode
  (c) => ({ ...c, title: '' }), // MissingParameter.Title
  (c) => ({ ...c, title: 'cto' }), // InvalidParameter.Title
  (c) => ({ ...c, types: '' }), // MissingParameter.MessageTypes
  (c) => ({ ...c, types: 'Billing' }), // InvalidParameter.MessageTypes
  (c) => ({ ...c, name: c.name.length > 3 ? `${c.name.slice(0, 3)} ${c.name.slice(3)}` : `${c.name} X` }), // a space: an unambiguous fix
];

/** A name no other row has (unless it is meant to repeat one): Latin letters, or 2–4 Chinese characters. */
function uniqueName(i, chinese) {
  if (chinese) {
    let tail = '';
    for (let n = Math.floor(i / SURNAMES.length); ; n = Math.floor(n / HAN.length) - 1) {
      tail = HAN[n % HAN.length] + tail;
      if (n < HAN.length) break;
    }
    return SURNAMES[i % SURNAMES.length] + tail;
  }
  let suffix = '';
  for (let n = i; ; n = Math.floor(n / 26) - 1) {
    suffix = String.fromCharCode(97 + (n % 26)) + suffix;
    if (n < 26) break;
  }
  return GIVEN[i % GIVEN.length] + suffix;
}

/** Row i of the data set (0-based): the same for every size. */
export function* contacts(rows) {
  const random = seededRandom(8);
  const names = [];
  for (let i = 0; i < rows; i++) {
    const chinese = random() < 0.15;
    const name = i > 100 && random() < 0.02 ? names[Math.floor(random() * names.length)] : uniqueName(i, chinese);
    if (names.length < 100_000) names.push(name);
    const mailbox = chinese ? `user${i}` : name.toLowerCase();
    let contact = {
      name,
      email: `${mailbox}@${DOMAINS[i % DOMAINS.length]}`,
      phone: random() < 0.3 ? '' : `86-13${String(900_000_000 + i * 7).slice(-9)}`,
      title: TITLES[i % TITLES.length],
      types: [TYPES[i % TYPES.length], TYPES[(i + 3) % TYPES.length]].join(','),
    };
    if (random() < 0.03) contact = BREAKERS[Math.floor(random() * BREAKERS.length)](contact);
    yield [contact.name, contact.email, contact.phone, contact.title, contact.types];
  }
}

/** Every row valid and distinct: what an import can write in full. */
export function* validContacts(rows) {
  for (let i = 0; i < rows; i++) {
    const name = uniqueName(i, false);
    yield [name, `${name.toLowerCase()}@example.com`, `86-13${String(900_000_000 + i).slice(-9)}`, TITLES[i % TITLES.length], TYPES[i % TYPES.length]];
  }
}

function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV (UTF-8, CRLF, as Excel's "CSV UTF-8" does, without the BOM). */
export async function writeCsv(path, rows) {
  const out = createWriteStream(path);
  let chunk = HEADER.join(',') + '\r\n';
  for (const row of rows) {
    chunk += row.map(csvField).join(',') + '\r\n';
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

/**
 * Writes rows as an XLSX workbook with exceljs's streaming writer: shared
 * strings, written after the worksheet as Excel does, so a streaming reader has
 * to hold the worksheet back until it has them.
 */
export async function writeXlsx(path, rows) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  workbook.created = workbook.modified = new Date(Date.UTC(2026, 0, 1));
  const sheet = workbook.addWorksheet('Contacts');
  sheet.addRow(HEADER).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
