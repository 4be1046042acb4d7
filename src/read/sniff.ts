/**
 * Which character separates a CSV's fields: `,` in most of the world, `;` from
 * Excel where the decimal mark is a comma (most of Europe), tab from "Unicode
 * text", `|` from database exports. Judged from the header line: the delimiter
 * under which some early line reads as a header is the one.
 */
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** Lines looked at; the header search looks no further either. */
export const SNIFF_LINES = 20;

/** `tab`, `\t`, `;` → the character; throws InputError for anything that cannot be one. */
export function parseDelimiter(option: string): string {
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const delimiter = named[option.toLowerCase()] ?? option;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new InputError(say('read.delimiter.invalid', { value: JSON.stringify(option) }));
  }
  return delimiter;
}

/**
 * @param headerScore how many fields a line's cells map to (0: not a header)
 * @returns the delimiter, and whether a header line decided it
 */
export function sniffDelimiter(text: string, headerScore: (cells: string[]) => number): { delimiter: string; byHeader: boolean } {
  const lines = text
    .split('\n', SNIFF_LINES + 1)
    .slice(0, SNIFF_LINES)
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    for (const line of lines) {
      if (!line.includes(delimiter)) continue;
      const score = headerScore(splitLine(line, delimiter));
      if (score > (best?.score ?? 0)) best = { delimiter, score };
    }
  }
  if (best) return { delimiter: best.delimiter, byHeader: true };
  return { delimiter: mostRegular(lines), byHeader: false };
}

/** No line reads as a header: the delimiter found on the most lines, the most times. */
function mostRegular(lines: string[]): string {
  let chosen: string = DELIMITERS[0];
  let chosenLines = 0;
  let chosenCount = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => splitLine(line, delimiter).length - 1);
    const withIt = counts.filter((n) => n > 0).length;
    const total = counts.reduce((sum, n) => sum + n, 0);
    if (withIt > chosenLines || (withIt === chosenLines && total > chosenCount)) {
      chosen = delimiter;
      chosenLines = withIt;
      chosenCount = total;
    }
  }
  return chosen;
}

/** One line's fields, with double quotes honoured (`"a,b"` is one field; `""` is a quote). */
export function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
