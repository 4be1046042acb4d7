/**
 * Merged cells, and mailto: links on cells with no text, of one worksheet.
 *
 * Both are listed after the rows (`<mergeCells>`, `<hyperlinks>`), so finding
 * them takes a pass over the sheet's XML before the rows are read: a quick one,
 * which looks for the end of the rows without reading them.
 *
 * In a merged range only the top-left cell holds a value; the others read as
 * empty. A contact sheet with merged cells in its data rows (one Title merged
 * over three people) would lose values silently, so covered cells are marked.
 * A link is lost only where its cell shows no text, and its target is needed
 * only when it is a mailto: address: links are looked for only when the
 * sheet's rels hold a mailto: target at all.
 */
import { posix } from 'node:path';
import { say } from '../i18n/text.js';
import { mailtoAddress } from './cell-text.js';
import type { Cell } from './types.js';
import { columnOf } from './worksheet-rows.js';
import { relationshipId, unreadable, type XlsxZip } from './xlsx-zip.js';
import { parseAttributes, type XmlHandler } from './xml-scanner.js';

/** Row number → [0-based column, what the cell holds instead of nothing]. */
export type CellMarks = Map<number, [number, Cell][]>;

/** Ranges bigger than this are not a column of contacts; they are left alone. */
const MAX_CELLS_PER_RANGE = 100_000;
/** Marked cells in all: a sheet of 100,000 rows with a merged or linked column, and then some. */
const MAX_MARKS = 1_000_000;

export async function findCellMarks(zip: XlsxZip, part: string, sheet: string): Promise<CellMarks> {
  const finder = new MarkFinder(zip.file, sheet, await mailtoTargets(zip, part));
  for await (const _ of zip.scan(part, finder));
  return finder.marks;
}

class MarkFinder implements XmlHandler {
  readonly wantsText = false;
  readonly marks: CellMarks = new Map();
  private count = 0;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    /** Relationship id → address; undefined when the sheet has no mailto: link. */
    private readonly addresses: Map<string, string> | undefined,
  ) {}

  open(name: string, attributes: string): boolean {
    // The rows are read later; here they are only passed over.
    if (name === 'sheetData') return true;
    if (name === 'mergeCell') {
      const { ref } = parseAttributes(attributes);
      if (ref !== undefined) this.markRange(ref, (range) => ({ kind: 'merged', shown: range }));
    } else if (name === 'hyperlink' && this.addresses) {
      const link = parseAttributes(attributes);
      const address = this.addresses.get(relationshipId(link) ?? '');
      if (address !== undefined && link.ref !== undefined) this.markRange(link.ref, () => address, true);
    }
    return false;
  }

  close(): void {}
  text(): void {}

  /**
   * Marks the cells of a range (`B5:B7`). A merge marks all but its top-left cell,
   * which holds the value; a link marks every cell.
   */
  private markRange(ref: string, mark: (range: string) => Cell, topLeftToo = false): void {
    const [first = '', last = first] = ref.split(':');
    const from = decodeCellRef(first);
    const to = decodeCellRef(last);
    if (!from || !to) return;
    const rows = to.row - from.row + 1;
    const columns = to.column - from.column + 1;
    if (rows <= 0 || columns <= 0 || rows * columns > MAX_CELLS_PER_RANGE) return;
    this.count += rows * columns;
    if (this.count > MAX_MARKS) {
      throw unreadable(this.file, say('read.xlsx.tooManyMarks', { sheet: JSON.stringify(this.sheet), max: MAX_MARKS.toLocaleString('en-US') }));
    }
    const value = mark(ref.toUpperCase().replace(/\$/g, ''));
    for (let row = from.row; row <= to.row; row++) {
      let inRow = this.marks.get(row);
      if (!inRow) this.marks.set(row, (inRow = []));
      for (let column = from.column; column <= to.column; column++) {
        if (topLeftToo || row !== from.row || column !== from.column) inRow.push([column, value]);
      }
    }
  }
}

/** `B12` → row 12, column 1 (0-based). */
function decodeCellRef(ref: string): { row: number; column: number } | undefined {
  const match = /^\s*\$?[A-Za-z]{1,3}\$?(\d{1,7})\s*$/.exec(ref);
  return match ? { row: Number(match[1]), column: columnOf(ref.trim()) } : undefined;
}

/** Relationship id → address, for the sheet's mailto: hyperlinks; undefined when it has none. */
async function mailtoTargets(zip: XlsxZip, part: string): Promise<Map<string, string> | undefined> {
  const rels = await zip.elements(posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`), 'Relationship');
  const addresses = new Map<string, string>();
  for (const rel of rels) {
    const address = mailtoAddress(rel.Target);
    if (rel.Id !== undefined && address !== undefined && /hyperlink$/i.test(rel.Type ?? '')) addresses.set(rel.Id, address);
  }
  return addresses.size > 0 ? addresses : undefined;
}
