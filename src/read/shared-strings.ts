/**
 * The workbook's shared strings (xl/sharedStrings.xml): most text cells hold
 * only an index into this list, so it is read whole before any worksheet,
 * wherever the zip stores it.
 *
 * A string is the text of its `<t>` elements, rich-text runs joined, phonetic
 * guides (`<rPh>`, the furigana over Japanese names) left out. The list is held
 * in memory; how long it may be is bounded, so a zip bomb cannot fill memory
 * with it.
 */
import { say } from '../i18n/text.js';
import { unreadable, type XlsxZip } from './xlsx-zip.js';
import type { XmlHandler } from './xml-scanner.js';

/** More strings than a sheet of 100,000 rows by 20 columns, all different. */
export const MAX_SHARED_STRINGS = 4_000_000;
/** Characters of all strings together: at most a few hundred MB of memory. */
export const MAX_SHARED_CHARACTERS = 128 * 1024 * 1024;

/** The strings, in order; [] when the workbook has none. */
export async function readSharedStrings(zip: XlsxZip, part: string | undefined): Promise<string[]> {
  if (part === undefined) return [];
  const collector = new SharedStrings(zip.file, part);
  for await (const _ of zip.scan(part, collector));
  return collector.strings;
}

class SharedStrings implements XmlHandler {
  readonly strings: string[] = [];
  private characters = 0;
  private current: string | undefined;
  private inText = false;
  /** Inside a phonetic guide: its `<t>` is not part of the string. */
  private phonetic = 0;

  constructor(
    private readonly file: string,
    private readonly part: string,
  ) {}

  get wantsText(): boolean {
    return this.inText;
  }

  open(name: string, _attributes: string, selfClosing: boolean): void {
    if (name === 'si') this.current = '';
    else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && !selfClosing && this.current !== undefined && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'si' && this.current !== undefined) {
      if (this.strings.length >= MAX_SHARED_STRINGS) this.tooMany('read.xlsx.tooManyStrings', MAX_SHARED_STRINGS);
      this.strings.push(this.current);
      this.current = undefined;
    }
  }

  text(text: string): void {
    this.characters += text.length;
    if (this.characters > MAX_SHARED_CHARACTERS) this.tooMany('read.xlsx.tooManyCharacters', MAX_SHARED_CHARACTERS);
    this.current += text;
  }

  private tooMany(key: 'read.xlsx.tooManyStrings' | 'read.xlsx.tooManyCharacters', max: number): never {
    throw unreadable(this.file, say(key, { part: this.part, max: max.toLocaleString('en-US') }));
  }
}
