/**
 * The catalogue (issue 22): every key in one area, both languages present with
 * the same placeholders, Chinese written with full-width punctuation, every key
 * the source says exists, and no English sentence left in the code people read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { AREAS, CATALOGUE, type Entry } from '../src/i18n/catalogue.js';
import { ROOT } from './helpers/cli.js';

const SRC = join(ROOT, 'src');

/**
 * Where the English scanner looks: all of src/ but the catalogue itself and the
 * emulator, which plays the service and answers in the service's own English
 * words, whatever the language of the run that calls it.
 */
const SCANNED = readdirSync(SRC)
  .filter((name) => name !== 'i18n' && name !== 'emulator')
  .map((name) => join('src', name));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
const unique = (names: string[]) => [...new Set(names)].sort();
const entries = Object.entries(CATALOGUE as Record<string, Entry>);

describe('each key', () => {
  it('is defined in exactly one area, and the catalogue is the areas joined', () => {
    const areasOf = new Map<string, string[]>();
    for (const [area, messages] of Object.entries(AREAS)) {
      for (const key of Object.keys(messages)) areasOf.set(key, [...(areasOf.get(key) ?? []), area]);
    }
    const twice = [...areasOf].filter(([, areas]) => areas.length > 1).map(([key, areas]) => `${key} in ${areas.join(', ')}`);
    expect(twice).toEqual([]);
    expect([...areasOf.keys()].sort()).toEqual(Object.keys(CATALOGUE).sort());
  });

  it('is named area.thing, under its own area', () => {
    const misnamed = Object.entries(AREAS).flatMap(([area, messages]) =>
      Object.keys(messages).filter((key) => !new RegExp(`^${area}\\.\\w+(\\.\\w+)*$`).test(key)),
    );
    expect(misnamed).toEqual([]);
  });

  it.each(entries)('%s: both texts, not empty, with the same placeholders', (_key, entry) => {
    const chinese = entry['zh-CN'];
    expect(chinese.trim()).not.toBe('');
    if (typeof entry.en === 'string') {
      expect(entry.en.trim()).not.toBe('');
      expect(unique(placeholders(chinese))).toEqual(unique(placeholders(entry.en)));
    } else {
      // Chosen by `count`, which the type of say() takes only when the text names it.
      expect(entry.en.one.trim()).not.toBe('');
      expect(entry.en.other.trim()).not.toBe('');
      const english = unique([...placeholders(entry.en.one), ...placeholders(entry.en.other)]);
      expect(unique(placeholders(chinese))).toEqual(english);
      expect(placeholders(entry.en.other)).toContain('count');
    }
  });

  it.each(entries)('%s: Chinese in Han characters, with full-width punctuation beside them', (_key, entry) => {
    const chinese = entry['zh-CN'];
    // A text of placeholders and punctuation alone ('{first}；{second}') has no words to write in Han,
    // and a name (AccessKey, OAuth) is the same in both languages.
    if (chinese !== entry.en && /\p{L}/u.test(chinese.replace(/\{\w+\}/g, ''))) expect(chinese).toMatch(/\p{Script=Han}/u);
    // An ASCII ( ) : ; with a Han character on either side (spaces between do not count).
    // A mark standing alone between spaces is one the user types ('用 ; 或 , 分隔'), not the sentence's own.
    const sentence = chinese.replace(/(^|\s)[():;,](?=\s|$)/g, '$1');
    const halfWidth = [...sentence.matchAll(/\p{Script=Han}\s*[():;]|[():;]\s*\p{Script=Han}/gu)].map((match) => match[0]);
    expect(halfWidth).toEqual([]);
  });
});

/** Every .ts file under `path` (a file or a folder of src). */
function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    const full = join(path, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function parsed(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  node.forEachChild((child) => visit(child, each));
}

describe('the source', () => {
  it('says only keys that the catalogue has', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const source = parsed(file);
      visit(source, (node) => {
        if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return;
        const at = { say: 0, sayIn: 1 }[node.expression.text];
        const key = at === undefined ? undefined : node.arguments[at];
        if (key && ts.isStringLiteralLike(key) && !(key.text in CATALOGUE)) missing.push(`${where(source, key)}: ${key.text}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('leaves no English sentence for people outside the catalogue', () => {
    const offenders = SCANNED.flatMap((path) => sourceFiles(join(ROOT, path))).flatMap((file) => englishLeft(file));
    expect(offenders).toEqual([]);
  });

  it('the scanner finds English, in markup too, and lets a marked line or declaration, a command line or bare markup pass', () => {
    const file = join(ROOT, 'test', 'scanner-sample.ts');
    const sample = [
      "const a = 'name the sheet to check';",
      '// not for people: a header the server reads',
      "const b = 'x-acs-signature-method';",
      "const d = `the ${'x'} sheet is empty`;",
      "const c = 'internal check'; // not for people: a bug if it shows",
      "const e = '$0 validate contacts.xlsx';",
      "const f = 'validate';",
      '/** Header texts read on input. not for people: they never change with the language */',
      'const g = {',
      "  Name: ['contact name'],",
      '};',
      "const h = `<td data-label=\"${'x'}\" class=\"row problem\">${'y'}</td>`;",
      "const i = `<p>${'x'} rows were read</p>`;",
    ].join('\n');
    expect(englishLeft(file, sample).map((line) => line.replace(/^.*:(\d+).*$/, '$1'))).toEqual(['1', '4', '13']);
  });
});

const ENGLISH = /[A-Za-z]{2,} [a-z]{2,}/;
/** Tags and their attributes are markup, not words: left out before looking (a literal may open or close one). */
const withoutMarkup = (text: string) => text.replace(/<[^<>]*>/g, ' ').replace(/^[^<>]*>/, ' ').replace(/<[^<>]*$/, ' ');
/** Written in a comment (`// not for people: why`) on the line, the line above, or above the whole declaration. */
const MARKER = 'not for people:';

/**
 * file:line of each string or template literal holding two English words in a
 * row, unless that line, the one above or the comment above its whole
 * declaration carries the marker. Tags are left out. Example command
 * lines (`$0 validate contacts.xlsx`) are commands, not words for translation.
 */
function englishLeft(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const found: string[] = [];
  visit(source, (node) => {
    const parts = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
      ? [node.text]
      : ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
        : undefined;
    if (!parts || !parts.some((part) => ENGLISH.test(withoutMarkup(part))) || parts[0]!.startsWith('$0 ')) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
    if (lines[line]!.includes(MARKER) || (line > 0 && lines[line - 1]!.includes(MARKER))) return;
    if (commentAbove(topStatement(node)).toLowerCase().includes(MARKER)) return;
    found.push(`${where(source, node)}: ${lines[line]!.trim()}`);
  });
  return found;
}

/** The statement of the file that holds `node`. */
function topStatement(node: ts.Node): ts.Node {
  while (node.parent && !ts.isSourceFile(node.parent)) node = node.parent;
  return node;
}

/** The comments written just above `node`, where a whole declaration can be marked. */
function commentAbove(node: ts.Node): string {
  const text = node.getSourceFile().getFullText();
  return (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []).map((range) => text.slice(range.pos, range.end)).join('\n');
}

function where(source: ts.SourceFile, node: ts.Node): string {
  return `${relative(ROOT, source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
}
