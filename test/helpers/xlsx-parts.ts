/** Hand-built XLSX parts: files exceljs's writers cannot make (parts in any order, links without text, damage). */
import { crc32, deflateRawSync } from 'node:zlib';

// ---------------------------------------------------------------------------
// A zip writer, to build XLSX files exceljs's writers cannot: parts in any
// order, cells with a link and no text, absolute rels targets, damaged data.

export type Part = [name: string, content: string];

/**
 * @param options.damage a part whose compressed bytes are garbage
 * @param options.declare sizes to declare for parts instead of their real ones (a lying zip bomb)
 * @param options.store parts stored as they are, not deflated
 * @param options.extra bytes of extra field in a part's local header (as some zip tools write)
 */
export function zipParts(
  parts: Part[],
  options: { comment?: string; damage?: string; declare?: Record<string, number>; store?: string[]; extra?: Record<string, number> } = {},
): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = Buffer.from(content, 'utf8');
    const stored = options.store?.includes(name) ?? false;
    const packed = name === options.damage ? Buffer.alloc(deflateRawSync(data).length, 0xff) : stored ? data : deflateRawSync(data);
    const method = stored ? 0 : 8;
    const extra = Buffer.alloc(options.extra?.[name] ?? 0, 0x20);
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8); // 8: deflate, 0: stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    const declared = options.declare?.[name] ?? data.length;
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    chunks.push(local, fileName, extra, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, fileName);
    offset += local.length + fileName.length + extra.length + packed.length;
  }
  const centralDirectory = Buffer.concat(directory);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...chunks, centralDirectory, end, comment]);
}

export const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface HandSheet {
  name: string;
  target: string;
  type?: 'worksheet' | 'chartsheet';
}

export function workbookParts(sheets: HandSheet[]): Part[] {
  const entries = sheets.map((s, i) => `<sheet name="${xml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const rels = sheets.map(
    (s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.type ?? 'worksheet'}" Target="${s.target}"/>`,
  );
  rels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  return [
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${entries.join('')}</sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ],
  ];
}

export const sharedStringsPart = (strings: string[]): Part => [
  'xl/sharedStrings.xml',
  `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => (s === '' ? '<si><t/></si>' : `<si><t>${xml(s)}</t></si>`))
    .join('')}</sst>`,
];

export const worksheetXml = (rows: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;

export const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xml(text)}</t></is></c>`;
export const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;

