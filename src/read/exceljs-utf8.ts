/**
 * exceljs, with the UTF-8 bug of its streaming reader worked around.
 *
 * WHY: exceljs 4.4.0's streaming reader (`stream.xlsx.WorkbookReader`) feeds the
 * XML parser through `lib/utils/parse-sax.js`, which turns every zip chunk into
 * text on its own: `saxesParser.write(bufferToString(chunk))`, where
 * `bufferToString` is a *non-streaming* `TextDecoder.decode(chunk)`. When a
 * chunk boundary falls inside a multi-byte UTF-8 character, the two halves are
 * decoded separately and each becomes U+FFFD. Chinese text is three bytes a
 * character, so any sheet of a few thousand rows of Chinese names loses some:
 * 张伟 comes back as 张\uFFFD\uFFFD or worse, silently. Reported as exceljs issues
 * #2063, #2084 and #2316; the fix (PR #1665) was never merged.
 *
 * HOW: `bufferToString` passes strings through untouched. So we hand exceljs
 * text instead of bytes: every entry of the zip (shared strings, worksheets,
 * workbook, styles, rels) reaches the parser through one `TextDecoder` per
 * entry used with `{stream: true}`, which keeps the bytes of a character cut by
 * a chunk boundary until the rest arrives, and is flushed at the end of the
 * entry. The six `WorkbookReader` methods that receive an entry (or an
 * iterator over one) are wrapped on the prototype, once, to do that. From the
 * first `loadExcelJS()` on, every streaming read in the process is fixed, also
 * one made through a plain `import ExcelJS from 'exceljs'`; before it, none is.
 *
 * Why not the other ways:
 * - editing node_modules: lost on the next `npm ci`;
 * - seeding `require.cache` with a corrected `parse-sax.js` before exceljs is
 *   first loaded: it only works if nothing has loaded exceljs earlier, and
 *   under jest `require.cache` cannot be written at all, so the fix could not
 *   be tested where it runs;
 * - subclassing: every other user of exceljs in the process would still get the
 *   broken reader.
 *
 * Cost: the same decoding work exceljs does anyway, plus one async-iterator hop
 * per chunk (a chunk is 16-64 KiB), which is noise next to the XML parsing.
 *
 * The wrapped methods are private to exceljs; the workaround is tied to the
 * exact version it was written for and refuses to run on any other, so an
 * upgrade is a deliberate decision (is the bug fixed there? drop this file).
 */
import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import type * as ExcelJSNamespace from 'exceljs';

export type ExcelJSModule = typeof ExcelJSNamespace;

const require = createRequire(import.meta.url);

/** The exceljs release whose internals this file was written against. */
export const EXCELJS_VERSION = '4.4.0';

/** Marks the prototype once patched; `Symbol.for` so two copies of this module never wrap twice. */
const PATCHED = Symbol.for('contact-import.exceljs-utf8.patched');

/** Methods of WorkbookReader taking a zip entry (a stream) that they read through `iterateStream(entry)`. */
const ENTRY_METHODS = ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const;
/** Methods of WorkbookReader taking an async iterable of chunks (a worksheet or its hyperlinks). */
const ITERATOR_METHODS = ['_parseWorksheet', '_parseHyperlinks'] as const;

type Chunk = Uint8Array | string;
type Method = (this: unknown, source: unknown, ...rest: unknown[]) => unknown;
type Prototype = Record<string | symbol, unknown>;

let loaded: ExcelJSModule | undefined;

/**
 * The exceljs module, its streaming reader patched to decode UTF-8 across chunk
 * boundaries. Idempotent and cheap after the first call. Throws when the
 * installed exceljs is not the version the workaround was written for.
 */
export function loadExcelJS(): ExcelJSModule {
  if (loaded) return loaded;
  const excel = require('exceljs') as ExcelJSModule;
  const proto = excel.stream.xlsx.WorkbookReader.prototype as unknown as Prototype;
  if (proto[PATCHED] !== true) {
    assertExpectedExcelJS(proto);
    for (const name of ENTRY_METHODS) {
      wrapFirstArgument(proto, name, (entry) => Readable.from(utf8Text(entry as AsyncIterable<Chunk>)));
    }
    for (const name of ITERATOR_METHODS) {
      wrapFirstArgument(proto, name, (chunks) => utf8Text(chunks as AsyncIterable<Chunk>));
    }
    Object.defineProperty(proto, PATCHED, { value: true });
  }
  loaded = excel;
  return excel;
}

/**
 * Text of a stream of UTF-8 bytes, decoded with one streaming decoder so that a
 * character split between two chunks comes out whole. Strings pass through.
 */
export async function* utf8Text(source: AsyncIterable<Chunk> | Iterable<Chunk>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of asAsyncIterable(source)) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** Old-style streams (no async iterator) are upgraded the way exceljs's parse-sax does it. */
function asAsyncIterable(source: AsyncIterable<Chunk> | Iterable<Chunk>): AsyncIterable<Chunk> | Iterable<Chunk> {
  if (Symbol.asyncIterator in source || Symbol.iterator in source) return source;
  const legacy = source as unknown as NodeJS.ReadableStream;
  if (typeof legacy.pipe === 'function') return legacy.pipe(new PassThrough());
  throw new TypeError('exceljs-utf8: expected a stream or an async iterable of chunks');
}

function wrapFirstArgument(proto: Prototype, name: string, replace: (source: unknown) => unknown): void {
  const original = proto[name] as Method;
  const wrapped: Method = function (this: unknown, source: unknown, ...rest: unknown[]) {
    return original.call(this, replace(source), ...rest);
  };
  Object.defineProperty(wrapped, 'name', { value: name });
  proto[name] = wrapped;
}

function assertExpectedExcelJS(proto: Prototype): void {
  const revisit =
    'src/read/exceljs-utf8.ts works around a UTF-8 decoding bug of exceljs ' +
    `${EXCELJS_VERSION}'s streaming reader (exceljs issues #2063, #2084, #2316) by wrapping its internals; ` +
    'the workaround must be revisited (is the bug fixed in this version? do the internals still match?)';
  const { version } = require('exceljs/package.json') as { version: string };
  if (version !== EXCELJS_VERSION) {
    throw new Error(`exceljs ${version} is installed, not ${EXCELJS_VERSION}: ${revisit}`);
  }
  const missing = [...ENTRY_METHODS, ...ITERATOR_METHODS].filter((name) => typeof proto[name] !== 'function');
  if (missing.length > 0) {
    throw new Error(`exceljs WorkbookReader has no ${missing.join(', ')}: ${revisit}`);
  }
  // The whole trick rests on parse-sax handing strings to the XML parser unchanged.
  const { bufferToString } = require('exceljs/lib/utils/browser-buffer-decode.js') as {
    bufferToString?: (chunk: Chunk) => string;
  };
  if (typeof bufferToString !== 'function' || bufferToString('\u5f20') !== '\u5f20') {
    throw new Error(`exceljs no longer passes decoded text through bufferToString: ${revisit}`);
  }
}
