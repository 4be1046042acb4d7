/**
 * The `string-width` that yargs lays out its help and usage text with (through
 * cliui and wrap-ansi), swapped in for the real package by build.mjs.
 *
 * Why: the real one builds an `Intl.Segmenter` as it loads (ICU then lists every
 * locale it has) and compiles emoji-regex's 14 KB pattern on first use. Under
 * callgrind that was a third of `contact-import --help`, about 335 M of 1,063 M
 * instructions (`node -e 0` is 504 M), when yargs still answered it (now it
 * answers at build time, static-answers.ts). It loads with yargs, so every
 * command that runs yargs would still pay for building the Segmenter.
 *
 * The text laid out is ours: option names and descriptions, ASCII plus a few
 * marks such as '…'. This counts columns as the real one does for such text and
 * for CJK (test/help-string-width.test.ts compares them), one code point at a
 * time by its East Asian Width rather than by grapheme cluster: an emoji made of
 * several code points (joined by U+200D, or text-style with U+FE0F) may count
 * differently.
 */
import { eastAsianWidth } from 'get-east-asian-width';

const ANSI_SGR = /\u001B\[[\d;]*m/g;

export default function stringWidth(text: string): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  if (text.includes('\u001B')) text = text.replace(ANSI_SGR, '');
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x7f) {
      if (code > 0x1f) width++;
      continue;
    }
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++; // the low half of a surrogate pair
    width += columnsOf(point);
  }
  return width;
}

function columnsOf(point: number): number {
  if (point <= 0x9f) return 0; // C1 controls
  if (isZeroWidth(point)) return 0;
  return eastAsianWidth(point);
}

/** Combining marks, zero-width spaces and joiners, variation selectors: no column of their own. */
function isZeroWidth(point: number): boolean {
  return (
    (point >= 0x300 && point <= 0x36f) ||
    (point >= 0x1ab0 && point <= 0x1aff) ||
    (point >= 0x1dc0 && point <= 0x1dff) ||
    (point >= 0x200b && point <= 0x200f) ||
    (point >= 0x20d0 && point <= 0x20ff) ||
    (point >= 0xfe00 && point <= 0xfe0f) ||
    (point >= 0xfe20 && point <= 0xfe2f) ||
    point === 0xfeff
  );
}
