/**
 * A streaming XML scanner, just enough for the parts of an XLSX workbook: it
 * finds elements (name without namespace prefix, attributes) and the text
 * between them, in one pass over text that arrives in chunks, and checks that
 * every element is closed by its own end tag.
 *
 * Its work is linear in the text whatever the text is: between chunks it keeps
 * only markup cut by the chunk's end, and markup (a tag, comment or CDATA
 * section) longer than MAX_MARKUP is refused; text between elements is handed
 * on as it comes, and skipped at native speed when nobody wants it, as is the
 * content of an element the handler skips. A DOCTYPE is refused: no workbook
 * part has one, and without it no entity can expand.
 */
import { say } from '../i18n/text.js';

/** Longest tag, comment or CDATA section, in characters: real ones are a few hundred at most. */
export const MAX_MARKUP = 1024 * 1024;

/** What the scanner found wrong, said without the part's name (the caller knows it). */
export class XmlError extends Error {
  override name = 'XmlError';
}

export interface XmlHandler {
  /** Whether text between elements is wanted now: unwanted text is not even decoded. */
  readonly wantsText: boolean;
  /** An element starts; returning true skips what it holds, up to its end tag. */
  open(name: string, attributes: string, selfClosing: boolean): boolean | void;
  close(name: string): void;
  /** Text, its entities decoded, in pieces as it arrives. */
  text(text: string): void;
}

/** `&amp;`…`&#x10FFFF;`: an entity is never longer than this. */
const LONGEST_ENTITY = 10;

/** One-letter names (`c`, `v`, `t`: most of a worksheet's elements), made once rather than sliced from the text each time. */
const LETTERS = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));

export class XmlScanner {
  /** Markup, or an entity, cut by the end of the last chunk. */
  private rest = '';
  /** Characters before `rest`, to say where a fault is. */
  private offset = 0;
  /** Names of the elements open now, outermost first. */
  private readonly open: string[] = [];
  /** The end tag (`</x:sheetData`) that ends the content being skipped. */
  private skipTo: string | undefined;

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const text = this.rest + chunk;
    let at = 0;
    while (at < text.length) {
      if (this.skipTo !== undefined) {
        const found = text.indexOf(this.skipTo, at);
        // Not in this chunk: keep only what could be the start of the end tag.
        if (found < 0) {
          at = Math.max(at, text.length - this.skipTo.length);
          break;
        }
        at = found;
        this.skipTo = undefined;
      }
      if (text.charCodeAt(at) !== 0x3c /* < */) {
        at = this.text(text, at);
        // Stopped short of the next `<`: an entity cut by the chunk's end, kept for the next chunk.
        if (at < text.length && text.charCodeAt(at) !== 0x3c) break;
        continue;
      }
      const end = this.markup(text, at);
      if (end < 0) break;
      at = end;
    }
    this.offset += at;
    this.rest = text.slice(at);
    if (this.rest.length > MAX_MARKUP) this.fail(this.offset, (at) => say('read.xml.markupTooLong', { max: MAX_MARKUP.toLocaleString('en-US'), at }));
  }

  /** The text ended: nothing may be left open. */
  end(): void {
    if (this.rest.trim() !== '') this.fail(this.offset, (at) => say('read.xml.endsInMarkup', { at }));
    const open = this.open.at(-1);
    if (open !== undefined) this.fail(this.offset, (at) => say('read.xml.endsInside', { name: open, at }));
  }

  /** Text from `at` to the next `<` (or to an entity cut by the chunk's end): returns where it stopped. */
  private text(text: string, at: number): number {
    let next = text.indexOf('<', at);
    if (next === -1) next = text.length;
    if (!this.handler.wantsText) return next;
    let stop = next;
    if (next === text.length) {
      const amp = text.lastIndexOf('&', next - 1);
      if (amp >= at && next - amp < LONGEST_ENTITY && text.indexOf(';', amp) === -1) stop = amp;
    }
    if (stop > at) this.handler.text(decodeEntities(text.slice(at, stop)));
    return stop;
  }

  /** The markup at `at` (text[at] is `<`): returns where it ends, or -1 when the chunk cuts it. */
  private markup(text: string, at: number): number {
    const second = text.charCodeAt(at + 1);
    if (second === 0x21 /* ! */) return this.declaration(text, at);
    if (second === 0x3f /* ? */) return after(text, '?>', at + 2);
    const closing = second === 0x2f; /* / */
    const nameStart = at + (closing ? 2 : 1);
    let nameEnd = nameStart;
    let localStart = nameStart;
    for (let code = text.charCodeAt(nameEnd); nameEnd < text.length && !endsName(code); code = text.charCodeAt(++nameEnd)) {
      if (code === 0x3a /* : */) localStart = nameEnd + 1;
    }
    const end = tagEnd(text, nameEnd);
    if (end < 0) return -1;
    if (nameEnd === localStart) this.fail(this.offset + at, (where) => say('read.xml.noTagName', { at: where }));
    const name = nameEnd - localStart === 1 ? LETTERS[text.charCodeAt(localStart)] ?? text[localStart]! : text.slice(localStart, nameEnd);
    if (closing) {
      const open = this.open.pop();
      if (open !== name) {
        this.fail(this.offset + at, (where) =>
          open === undefined ? say('read.xml.closesNothing', { name, at: where }) : say('read.xml.wrongClose', { name, open, at: where }),
        );
      }
      this.handler.close(name);
      return end;
    }
    const selfClosing = text.charCodeAt(end - 2) === 0x2f && end - 2 >= nameEnd;
    const skip = this.handler.open(name, text.slice(nameEnd, selfClosing ? end - 2 : end - 1), selfClosing);
    if (selfClosing) {
      this.handler.close(name);
    } else {
      this.open.push(name);
      if (skip === true) this.skipTo = `</${text.slice(nameStart, nameEnd)}`;
    }
    return end;
  }

  /** `<!-- -->`, `<![CDATA[ ]]>`; a DOCTYPE is refused. */
  private declaration(text: string, at: number): number {
    if (text.startsWith('<!--', at)) return after(text, '-->', at + 4);
    if (text.startsWith('<![CDATA[', at)) {
      const end = after(text, ']]>', at + 9);
      if (end > 0 && this.handler.wantsText) this.handler.text(text.slice(at + 9, end - 3));
      return end;
    }
    if (text.length - at < 9) return -1;
    return this.fail(this.offset + at, (where) => say(text.startsWith('<!DOCTYPE', at) ? 'read.xml.doctype' : 'read.xml.notXml', { at: where }));
  }

  /** Damage at `offset`, said by `what` with the character it is at (1-based). */
  private fail(offset: number, what: (at: string) => string): never {
    throw new XmlError(what((offset + 1).toLocaleString('en-US')));
  }
}

/** Just after the `>` that ends a tag whose attributes start at `from` (a value may hold `>`), or -1 when the text has none yet. */
function tagEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x3e /* > */) return at + 1;
    if (code === 0x22 /* " */ || code === 0x27 /* ' */) {
      at = text.indexOf(code === 0x22 ? '"' : "'", at + 1);
      if (at < 0) return -1;
    }
  }
  return -1;
}

/** Where `marker` (searched from `from`) ends, or -1 when the text has none yet. */
function after(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found === -1 ? -1 : found + marker.length;
}

/** Whitespace, `/` or `>`: the end of a tag's name. */
function endsName(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0x2f || code === 0x3e;
}

export type Attributes = Record<string, string | undefined>;

/** Where the attribute nextAttribute found lies: one object, used again, since attributes are read by the hundred thousand. */
const span = { name: 0, nameEnd: 0, value: 0, valueEnd: 0 };

/**
 * Finds the attribute at or after `at` in a tag's attribute text (as the
 * scanner hands it on) and puts where it lies in `span`; false at the end, or
 * where the text stops being attributes. Each character is looked at a fixed
 * number of times, whatever the text (a pattern with backtracking could take
 * the square of its length).
 */
function nextAttribute(attributes: string, at: number): boolean {
  while (isSpace(attributes.charCodeAt(at))) at++;
  const equals = attributes.indexOf('=', at);
  if (equals < 0) return false;
  let value = equals + 1;
  while (isSpace(attributes.charCodeAt(value))) value++;
  const quote = attributes[value];
  if (quote !== '"' && quote !== "'") return false;
  const valueEnd = attributes.indexOf(quote, value + 1);
  if (valueEnd < 0) return false;
  let nameEnd = equals;
  while (nameEnd > at && isSpace(attributes.charCodeAt(nameEnd - 1))) nameEnd--;
  span.name = at;
  span.nameEnd = nameEnd;
  span.value = value + 1;
  span.valueEnd = valueEnd;
  return true;
}

/** One attribute's value, decoded: for the elements read by the hundred thousand (cells, rows). */
export function attribute(attributes: string, name: string): string | undefined {
  for (let at = 0; nextAttribute(attributes, at); at = span.valueEnd + 1) {
    if (span.nameEnd - span.name === name.length && attributes.startsWith(name, span.name)) return decodeEntities(attributes.slice(span.value, span.valueEnd));
  }
  return undefined;
}

/** All attributes, values decoded; names keep their prefix (`r:id`). */
export function parseAttributes(attributes: string): Attributes {
  const parsed: Attributes = Object.create(null) as Attributes;
  for (let at = 0; nextAttribute(attributes, at); at = span.valueEnd + 1) {
    parsed[attributes.slice(span.name, span.nameEnd)] = decodeEntities(attributes.slice(span.value, span.valueEnd));
  }
  return parsed;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five named entities and character references; anything else is left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g, (whole, hex?: string, decimal?: string, named?: string) => {
    if (named !== undefined) return NAMED[named]!;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
