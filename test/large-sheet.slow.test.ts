import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/cli.js';
import { contactsCsv } from './helpers/generate.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir();
const HEAP_PEAK = fileURLToPath(new URL('./helpers/heap-peak.cjs', import.meta.url));

describe('a 100,000-row CSV', () => {
  it('validates in bounded memory: rows stream through to the report files', async () => {
    const sheet = join(tmp(), 'big.csv');
    writeFileSync(sheet, contactsCsv(100_000));
    const out = join(tmp(), 'big-report');
    const run = await runCli(['validate', sheet, '--contact-limit', '200000', '--report-dir', out], {
      nodeOptions: ['--expose-gc', '-r', HEAP_PEAK],
    });
    expect(run.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.counts).toEqual({ valid: 100_000 });
    // every row reached the report
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.rows).toHaveLength(100_000);
    expect(results.rows[99_999].row).toBe(100_001);

    // Holding the rows (cells, results, report lines) would keep well over 100 MB alive;
    // streaming keeps only a name per contact (for dedupe).
    const peak = Number(/heap-peak-bytes (\d+)/.exec(run.stderr)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  }, 300_000);
});
