/**
 * Which number format each cell style has (xl/styles.xml): a number cell is
 * a date when its format shows a date, and the digits of a number in scientific
 * format are the ones it shows (see cell-text.ts). Everything else in the
 * styles (fonts, fills, borders) is of no use to a reader of contacts.
 */
import { say } from '../i18n/text.js';
import { unreadable, type XlsxZip } from './xlsx-zip.js';
import { parseAttributes, type XmlHandler } from './xml-scanner.js';

export interface NumberFormat {
  /** The format code, when it matters: a custom one, or a built-in scientific one. */
  code?: string;
  date: boolean;
}

const GENERAL: NumberFormat = { date: false };

/** Excel allows 64,000 cell formats in a workbook. */
const MAX_STYLES = 65_536;
const MAX_FORMAT_CODE = 255;

/** Built-in formats (not written in styles.xml) that show a date or a time, by id; CJK locales add 27–36 and 50–58. */
function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

const BUILT_IN_CODES: Record<number, string> = { 11: '0.00E+00', 48: '##0.0E+0' };

/** A format code shows a date or time when, outside quotes, brackets and escaped characters, it has y, m, d, h, s (or b, a Buddhist year). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*\]|"[^"]*"|[\\_*]./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** The number format of each cell style (`s="3"` on a cell), in order. */
export async function readNumberFormats(zip: XlsxZip, part: string | undefined): Promise<NumberFormat[]> {
  if (part === undefined) return [];
  const styles = new CellStyles(zip.file, part);
  for await (const _ of zip.scan(part, styles));
  return styles.formats();
}

/** Number format of style `index`: General when the workbook has no such style. */
export function formatOf(formats: NumberFormat[], index: number): NumberFormat {
  return formats[index] ?? GENERAL;
}

class CellStyles implements XmlHandler {
  readonly wantsText = false;
  private readonly custom = new Map<number, string>();
  /** numFmtId of each cell style. */
  private readonly styleFormats: number[] = [];
  private inCellStyles = false;

  constructor(
    private readonly file: string,
    private readonly part: string,
  ) {}

  open(name: string, attributes: string): void {
    if (name === 'cellXfs') this.inCellStyles = true;
    else if (name === 'numFmt') {
      const { numFmtId, formatCode } = parseAttributes(attributes);
      // Excel's codes are at most 255 characters; a longer one is damage, and read as General.
      if (formatCode !== undefined && formatCode.length <= MAX_FORMAT_CODE && this.custom.size < MAX_STYLES) this.custom.set(Number(numFmtId), formatCode);
    } else if (name === 'xf' && this.inCellStyles) {
      if (this.styleFormats.length >= MAX_STYLES) throw unreadable(this.file, say('read.xlsx.tooManyStyles', { part: this.part, max: MAX_STYLES.toLocaleString('en-US') }));
      this.styleFormats.push(Number(parseAttributes(attributes).numFmtId ?? 0));
    }
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellStyles = false;
  }

  text(): void {}

  formats(): NumberFormat[] {
    return this.styleFormats.map((id) => {
      const code = this.custom.get(id) ?? BUILT_IN_CODES[id];
      if (code === undefined) return isBuiltInDate(id) ? { date: true } : GENERAL;
      return { code, date: isDateFormat(code) };
    });
  }
}
