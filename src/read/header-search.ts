/**
 * The header row: the first of the top rows that maps every required field (or
 * the row a mapping file pins). Whatever the format, its rows come as batches;
 * this reads just enough of them, and hands back the rest for the data rows.
 */
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';
import type { ColumnMap } from './column-map.js';
import { columnLetter, headerProblem, readHeader, type HeaderCandidate, type HeaderMapping } from './header.js';
import type { InputLimits } from './limits.js';
import type { Cell, OpenedSheet, SheetRow } from './types.js';

/** The header is looked for in this many rows at the top of a sheet. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * A row with nothing in it; cells covered by a merge hold nothing of their own,
 * nor do formulas never calculated (a template's rows, filled in by a program).
 */
export function isBlank(cells: Cell[]): boolean {
  return cells.every((cell) => cell === undefined || (typeof cell === 'string' ? cell.trim() === '' : cell.kind === 'merged' || cell.kind === 'uncalculated'));
}

export interface FoundHeader {
  opened: OpenedSheet;
  header: HeaderMapping;
  /** The rest of the sheet, after the header row: what is left of the header's batch, then the batches after it. */
  rest: SheetRow[];
  batches: AsyncIterator<SheetRow[]>;
}

/** The header, or why there is none (without the file name: the caller says which file, which sheet). */
export type Search = { found: FoundHeader } | { problem: string };

/**
 * The header is the first of the top rows that maps every required field
 * (or the row the mapping file pins). Rows above it are titles and notes.
 */
export async function searchHeader(opened: OpenedSheet, map: ColumnMap | undefined, limits: InputLimits, file: string): Promise<Search> {
  const batches = opened.batches[Symbol.asyncIterator]();
  const lastRow = map?.headerRow ?? HEADER_SEARCH_ROWS;
  let best: HeaderCandidate | undefined;
  let blankOnly = true;
  try {
    search: for (let next = await batches.next(); !next.done; next = await batches.next()) {
      const batch = next.value;
      for (let i = 0; i < batch.length; i++) {
        const { row, cells } = batch[i]!;
        if (row > lastRow) break search;
        checkCells(file, row, cells, limits);
        if (isBlank(cells) || (map?.headerRow !== undefined && row !== map.headerRow)) continue;
        blankOnly = false;
        const candidate = readHeader(row, cells, map);
        if (candidate.missing.length === 0) {
          const problem = headerProblem(candidate, map);
          if (problem) throw new InputError(say('read.inFile', { file, problem }));
          const { columns, headers, ignored } = candidate;
          return { found: { opened, header: { row, columns, headers, ignored }, rest: batch.slice(i + 1), batches } };
        }
        if (!best || Object.keys(candidate.columns).length > Object.keys(best.columns).length) best = candidate;
      }
    }
  } catch (error) {
    await batches.return?.();
    throw error;
  }
  await batches.return?.();
  if (blankOnly) {
    return {
      problem:
        map?.headerRow !== undefined
          ? say('read.header.blankPinned', { row: map.headerRow, map: map.file })
          : say('read.header.blankTop', { rows: HEADER_SEARCH_ROWS }),
    };
  }
  const problem = headerProblem(best!, map)!;
  return {
    problem:
      map?.headerRow !== undefined
        ? say('read.header.lookedPinned', { problem, row: map.headerRow, map: map.file })
        : say('read.header.lookedTop', { problem, rows: HEADER_SEARCH_ROWS }),
  };
}

function checkCells(file: string, row: number, cells: Cell[], limits: InputLimits): void {
  const problem = cellProblem(file, row, cells, limits);
  if (problem) throw problem;
}

export function cellProblem(file: string, row: number, cells: Cell[], limits: InputLimits): InputError | undefined {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length > limits.maxCellLength) {
      return new InputError(
        say('read.limit.cell', {
          file,
          row,
          column: columnLetter(i),
          length: cell.length.toLocaleString('en-US'),
          max: limits.maxCellLength.toLocaleString('en-US'),
        }),
      );
    }
  }
  return undefined;
}
