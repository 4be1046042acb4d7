/**
 * Workbooks made to hurt the reader (issue 17, breaks 4 and 5): zip bombs,
 * padding, lying sizes, parts the reader has no use for, shared-string indexes
 * that point nowhere. Each ends with the rows, or with one line and exit 2
 * before anything is written; none costs more than its size.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../src/errors.js';
import { readSheet, type DataRow, type ReadOptions } from '../src/read/index.js';
import { eachRow } from '../src/read/types.js';
import { runCli } from './helpers/cli.js';
import { useImportRuns } from './helpers/import-run.js';
import { useTempDir } from './helpers/tmp.js';
import { inline, shared, sharedStringsPart, workbookParts, worksheetXml, zipParts, type Part } from './helpers/xlsx-parts.js';

const tmp = useTempDir('xlsx-hostile-');
const { emulator, importSheet } = useImportRuns('xlsx-hostile-runs-');
const HEAP_PEAK = fileURLToPath(new URL('./helpers/heap-peak.cjs', import.meta.url));

const MiB = 1024 * 1024;
const HEADER = ['Name', 'Email', 'Title', 'MessageTypes'];
const headerRow = `<row r="1">${HEADER.map((_, i) => shared(`${'ABCD'[i]}1`, i)).join('')}</row>`;
const annRow = (extra = '') => `<row r="2">${inline('A2', 'Ann')}${inline('B2', 'ann@example.com')}${inline('C2', 'CEO')}<c r="D2" t="inlineStr"><is><t>ServiceMessage${extra}</t></is></c></row>`;

/** A one-sheet workbook: the header through shared strings, then `rows`; `more` parts go before the worksheet. */
function book(rows: string, options: { strings?: string[]; more?: Part[] } = {}): Part[] {
  return [
    ...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]),
    sharedStringsPart(options.strings ?? HEADER),
    ...(options.more ?? []),
    ['xl/worksheets/sheet1.xml', worksheetXml(headerRow + rows)],
  ];
}

function write(name: string, bytes: Buffer): string {
  const path = join(tmp(), name);
  writeFileSync(path, bytes);
  return path;
}

async function rows(path: string, options: ReadOptions = {}): Promise<DataRow[]> {
  const all: DataRow[] = [];
  for await (const row of eachRow((await readSheet(path, options)).batches)) all.push(row);
  return all;
}

/** The one-line InputError a read ends with. */
async function refusal(path: string, options: ReadOptions = {}): Promise<string> {
  const error = await rows(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).exitCode).toBe(2);
  expect((error as Error).message).not.toContain('\n');
  return (error as Error).message;
}

const unreadable = (file: string, reason: string) => `${file}: not a readable XLSX workbook (${reason}); open it in Excel and save it again as .xlsx`;

describe('padding', () => {
  it('96 MB of blank padding between rows (99 KB zipped) reads in linear time and little memory', async () => {
    const path = write('padded.xlsx', zipParts(book(' '.repeat(96 * MiB) + annRow())));
    const started = Date.now();
    const run = await runCli(['validate', path, '--report-dir', join(tmp(), 'padded-report'), '--json'], { nodeOptions: ['--expose-gc', '-r', HEAP_PEAK] });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ input: { rows: 1 }, counts: { valid: 1 } });
    // It took 43 s and 800 MB when every chunk rescanned what came before; now a second or two, a few MB.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(Number(/heap-peak-bytes (\d+)/.exec(run.stderr)?.[1])).toBeLessThan(40 * MiB);
  }, 120_000);

  it('padding inside a tag is refused once past any real tag', async () => {
    const path = write('tag.xlsx', zipParts(book(`<row r="2"${' '.repeat(2 * MiB)}>${inline('A2', 'Ann')}</row>`)));
    expect(await refusal(path)).toMatch(/^tag\.xlsx: not a readable XLSX workbook \(xl\/worksheets\/sheet1\.xml: damaged XML: markup longer than 1,048,576 characters, at character \d+\)/);
  });

  it('padding inside a cell is refused once past any real cell', async () => {
    const path = write('cell.xlsx', zipParts(book(annRow(' '.repeat(2 * MiB)))));
    expect(await refusal(path)).toBe(unreadable('cell.xlsx', 'sheet "Contacts", cell D2 holds more than 1,048,576 characters'));
  });
});

describe('markup made to make patterns backtrack', () => {
  it('attributes of 900,000 characters without an `=`, and a format code of 900,000 brackets, are read in one pass', async () => {
    const styles: Part = [
      'xl/styles.xml',
      `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="${'['.repeat(900_000)}"/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs></styleSheet>`,
    ];
    const merge = `<mergeCells><mergeCell ${'a'.repeat(900_000)}/><mergeCell ref="${'\t'.repeat(900_000)}"/></mergeCells>`;
    const parts = book(annRow(), { more: [styles] });
    parts[parts.length - 1] = ['xl/worksheets/sheet1.xml', worksheetXml(headerRow + annRow(), merge)];
    const path = write('backtrack.xlsx', zipParts(parts));
    expect((await rows(path)).map((r) => r.cells.Name)).toEqual(['Ann']);
  }, 60_000);
});

describe('sizes', () => {
  const small: ReadOptions = { limits: { maxBytes: 100 * 1024 } }; // unpacked: at most 2 MB

  it('shared strings whose declared size lies are stopped while unpacking', async () => {
    const strings = [...HEADER, 'x'.repeat(3 * MiB)];
    const path = write('liar.xlsx', zipParts(book(annRow(), { strings }), { declare: { 'xl/sharedStrings.xml': 1000 } }));
    expect(await refusal(path, small)).toBe(unreadable('liar.xlsx', 'it unpacks to more than 2.0 MB, reading xl/sharedStrings.xml: a zip bomb, or raise --max-bytes'));
  });

  it('the limit counts every part the reader unpacks, together', async () => {
    const strings = [...HEADER, 'x'.repeat(1.25 * MiB)];
    const path = write('two.xlsx', zipParts(book(annRow() + ' '.repeat(1.25 * MiB), { strings }), { declare: { 'xl/sharedStrings.xml': 10, 'xl/worksheets/sheet1.xml': 10 } }));
    expect(await refusal(path, small)).toMatch(/^two\.xlsx: not a readable XLSX workbook \(it unpacks to more than 2\.0 MB, reading xl\/worksheets\/sheet1\.xml/);
  });

  it('a part the reader does not need is never unpacked: a damaged image does not matter', async () => {
    const image: Part = ['xl/media/image1.png', 'x'.repeat(64 * 1024)];
    const path = write('image.xlsx', zipParts(book(annRow(), { more: [image] }), { damage: 'xl/media/image1.png', declare: { 'xl/media/image1.png': 10 } }));
    expect((await rows(path, small)).map((r) => r.cells.Name)).toEqual(['Ann']);
  });

  it('more shared strings than any contact sheet has', async () => {
    const [workbook, rels, , sheet] = book(annRow());
    const path = write('strings.xlsx', zipParts([workbook!, rels!, ['xl/sharedStrings.xml', `<sst>${'<si/>'.repeat(4_000_001)}</sst>`], sheet!]));
    expect(await refusal(path)).toBe(
      unreadable('strings.xlsx', 'xl/sharedStrings.xml holds more than 4,000,000 strings, far more than a contact sheet needs'),
    );
  }, 60_000);
});

describe('a shared-string index that points nowhere (a 2 KB file)', () => {
  test.each([
    ['99999999', 'shared string 99,999,999'],
    ['-1', 'shared string "-1"'],
    ['__proto__', 'shared string "__proto__"'],
  ])('%s: one line naming the file, sheet and cell, exit 2', async (index, named) => {
    const path = write(`index${index}.xlsx`, zipParts(book(`<row r="2">${inline('A2', 'Ann')}<c r="B2" t="s"><v>${index}</v></c></row>`)));
    const run = await runCli(['validate', path, '--report-dir', join(tmp(), `index-report${index}`)]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `error: ${unreadable(`index${index}.xlsx`, `sheet "Contacts", cell B2 refers to ${named}, which does not exist: the workbook has 4, numbered from 0`)}`,
    );
  });
});

describe('import reads the whole sheet before it writes', () => {
  it('a sheet that fails far down stops the run before any call to the directory', async () => {
    const e = await emulator();
    const good = Array.from({ length: 500 }, (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `Person${'abcdefghij'[i % 10]}${i}`)}${inline(`B${i + 2}`, `p${i}@example.com`)}${inline(`C${i + 2}`, 'CEO')}${inline(`D${i + 2}`, 'ServiceMessage')}</row>`);
    const path = write('late.xlsx', zipParts(book(`${good.join('')}<row r="600"><c r="A600" t="s"><v>7</v></c></row>`)));
    const run = await importSheet(e, path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cell A600 refers to shared string 7, which does not exist');
    expect(e.requests).toEqual([]);
  });
});
