/**
 * Fuzz: thousands of damaged CSV and XLSX files (truncated, bytes flipped,
 * random bytes spliced in, or nothing but random bytes) through the whole read
 * and judge path. Every one must end, within seconds, with rows or with one
 * line and exit 2: never a crash, a hang, a stack trace, or an error that is
 * not ours (which the CLI would report as an internal error, exit 70).
 * Seeded, so a failure names a case that can be replayed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { RowJudge } from '../src/judge/judge.js';
import { Room } from '../src/plan/quota.js';
import { seededRandom } from '../src/emulator/faults.js';
import { ExitError } from '../src/errors.js';
import { columnNamer, readSheet } from '../src/read/index.js';
import { eachRow } from '../src/read/types.js';
import { runCli } from './helpers/cli.js';
import { contactRow, contactsCsv } from './helpers/generate.js';
import { useTempDir } from './helpers/tmp.js';
import { sharedStringsPart, workbookParts, worksheetXml, inline, zipParts } from './helpers/xlsx-parts.js';

const tmp = useTempDir();

type Mutation = (bytes: Buffer, next: () => number) => Buffer;
const int = (next: () => number, below: number) => Math.floor(next() * below);
const randomBytes = (next: () => number, length: number) => Buffer.from(Array.from({ length }, () => int(next, 256)));

const MUTATIONS: Record<string, Mutation> = {
  truncate: (bytes, next) => bytes.subarray(0, int(next, bytes.length)),
  flip: (bytes, next) => {
    const copy = Buffer.from(bytes);
    for (let n = 1 + int(next, 8); n > 0; n--) copy[int(next, copy.length)] = int(next, 256);
    return copy;
  },
  splice: (bytes, next) => {
    const at = int(next, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), randomBytes(next, 1 + int(next, 64)), bytes.subarray(at + int(next, 64))]);
  },
  // Characters that matter to a CSV parser: quotes, separators, new lines, NUL, a BOM.
  punctuate: (bytes, next) => {
    const copy = Buffer.from(bytes);
    const specials = [0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe];
    for (let n = 1 + int(next, 6); n > 0; n--) copy[int(next, copy.length)] = specials[int(next, specials.length)]!;
    return copy;
  },
  random: (_bytes, next) => randomBytes(next, 1 + int(next, 4096)),
};

interface Outcome {
  kind: 'rows' | 'refused' | 'wrong';
  detail: string;
}

/** A case that has not ended by then hangs (a read takes milliseconds; the margin is for a loaded CI machine). */
const CASE_TIMEOUT_MS = 60_000;

/** Reads and judges every row; classifies how it ended. */
async function attempt(path: string): Promise<Outcome> {
  const work = (async (): Promise<Outcome> => {
    try {
      const sheet = await readSheet(path, { limits: { maxRows: 10_000 } });
      const judge = new RowJudge({ site: 'cn', room: new Room(20, 0), columnOf: columnNamer(sheet.header) });
      let rows = 0;
      for await (const row of eachRow(sheet.batches)) {
        judge.judge(row);
        rows++;
      }
      await sheet.input.sha256;
      return { kind: 'rows', detail: `${rows} rows` };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ExitError && error.exitCode === 2 && !message.includes('\n') && message.length < 600) {
        return { kind: 'refused', detail: message };
      }
      return { kind: 'wrong', detail: `${(error as Error)?.name}: ${message} ${(error as Error)?.stack?.split('\n').slice(1, 4).join(' | ') ?? ''}` };
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'wrong', detail: `no answer in ${CASE_TIMEOUT_MS} ms` }), CASE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, hang]);
  } finally {
    clearTimeout(timer);
  }
}

async function fuzz(name: string, seeds: Buffer[], cases: number, seed: number) {
  const next = seededRandom(seed);
  const names = Object.keys(MUTATIONS);
  const wrong: string[] = [];
  const tally = { rows: 0, refused: 0 };
  const refusedSamples: string[] = [];
  for (let i = 0; i < cases; i++) {
    const base = seeds[int(next, seeds.length)]!;
    const mutation = names[int(next, names.length)]!;
    let bytes = MUTATIONS[mutation]!(base, next);
    // Sometimes two at once.
    if (next() < 0.25) bytes = MUTATIONS[names[int(next, names.length)]!]!(bytes, next);
    const path = join(tmp(), `${name}-${i % 7}.${name}`);
    writeFileSync(path, bytes);
    const outcome = await attempt(path);
    if (outcome.kind === 'wrong') {
      // Kept outside the test's temp folder, so a failure can be replayed: contact-import validate <file>.
      const kept = join(tmpdir(), 'contact-import-fuzz', `${name}-seed${seed}-case${i}.${name}`);
      mkdirSync(dirname(kept), { recursive: true });
      writeFileSync(kept, bytes);
      wrong.push(`case ${i} (seed ${seed}, ${mutation}, kept as ${kept}): ${outcome.detail}`);
    }
    else tally[outcome.kind]++;
    if (outcome.kind === 'refused' && refusedSamples.length < 3 && i % 50 === 0) {
      writeFileSync(join(tmp(), `refused-${refusedSamples.length}.${name}`), bytes);
      refusedSamples.push(join(tmp(), `refused-${refusedSamples.length}.${name}`));
    }
  }
  return { wrong, tally, refusedSamples };
}

function csvSeeds(): Buffer[] {
  const chinese = `姓名,邮箱,手机,职位,消息类型\r\n张伟,zw@example.com,13912345678,技术总监,服务消息\r\n"欧阳, 娜娜",nana@example.com,,CEO,"ServiceMessage\nFaultMessage"\r\n`;
  return [
    Buffer.from(contactsCsv(30)),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]),
    iconv.encode(chinese, 'gb18030'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chinese.replace(/,/g, '\t'), 'utf16le')]),
    Buffer.from(`Contacts\r\n\r\n${contactsCsv(10).replace(/,/g, ';')}`),
  ];
}

async function xlsxSeeds(): Promise<Buffer[]> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Instructions').addRow(['Fill in the next sheet']);
  const sheet = book.addWorksheet('Contacts');
  sheet.addRow(['Name', 'Email', 'Phone', 'Title', 'MessageTypes']);
  for (let i = 0; i < 30; i++) sheet.addRow(contactRow(i));
  sheet.mergeCells('D5:D6');
  sheet.getCell('B3').value = { text: 'link', hyperlink: 'mailto:link@example.com' };
  const fromExcelJS = Buffer.from(await book.xlsx.writeBuffer());
  const handBuilt = zipParts([
    ['xl/worksheets/sheet1.xml', worksheetXml(`<row r="1">${['Name', 'Email', 'Title', 'MessageTypes'].map((_, i) => `<c r="${'ABCD'[i]}1" t="s"><v>${i}</v></c>`).join('')}</row><row r="2">${inline('A2', '张伟')}${inline('B2', 'zw@example.com')}${inline('C2', 'CEO')}${inline('D2', 'ServiceMessage')}</row>`, '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>')],
    ...workbookParts([{ name: 'Contacts', target: 'worksheets/sheet1.xml' }]),
    sharedStringsPart(['Name', 'Email', 'Title', 'MessageTypes']),
  ]);
  return [fromExcelJS, handBuilt];
}

describe('fuzz: damaged files end with rows or one line, exit 2', () => {
  it('800 mutated CSV files', async () => {
    const { wrong, tally } = await fuzz('csv', csvSeeds(), 800, 6);
    expect(wrong).toEqual([]);
    // The mutations must reach both ends, or the test proves little.
    expect(tally.rows).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(100);
  }, 900_000);

  it('400 mutated XLSX files, and the CLI on some of them: exit 2, one line, no stack', async () => {
    const { wrong, tally, refusedSamples } = await fuzz('xlsx', await xlsxSeeds(), 400, 7);
    expect(wrong).toEqual([]);
    expect(tally.rows).toBeGreaterThan(5); // most damage breaks a zip beyond reading: few still read
    expect(tally.refused).toBeGreaterThan(100);
    expect(refusedSamples.length).toBeGreaterThan(0);
    const run = await runCli(['validate', refusedSamples[0]!, '--report-dir', join(tmp(), 'cli-report')]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: refused-0\.xlsx: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 900_000);
});
