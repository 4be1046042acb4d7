/**
 * report.html in a real browser (issue 7): headless Chromium (Debian's
 * `chromium`; `.ci/run` installs it when missing) runs the page's own script.
 * The filter is driven through the address (`#status=invalid`), which the page
 * reads on load, so no browser driver is needed: `--dump-dom` gives the DOM
 * after the script ran, `--screenshot` a picture.
 *
 * Without a browser the test is skipped with a note, unless
 * CONTACT_IMPORT_REQUIRE_BROWSER=1 (set by .ci/run), where that is a failure.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runValidate } from '../src/commands/validate.js';
import { createLogger } from '../src/log.js';
import { ROOT } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const run = promisify(execFile);
const tmp = useTempDir();

function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

const chromium = findChromium();
const required = process.env.CONTACT_IMPORT_REQUIRE_BROWSER === '1';
if (!chromium && !required) console.warn('report-in-browser: no chromium found (apt-get install chromium); skipped');
const maybe = chromium || required ? describe : describe.skip;

async function browse(url: string, args: string[]): Promise<string> {
  const { stdout } = await run(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', ...args, url], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return stdout;
}

maybe('report.html in headless Chromium', () => {
  it('shows the counts, filters by status from the address, and renders to a picture', async () => {
    expect(chromium).toBeDefined();
    const reportDir = join(tmp(), 'report');
    const { summary } = await runValidate(
      { file: join(ROOT, 'fixtures', 'invalid.csv'), read: {}, site: 'intl', contactLimit: 20, reportDir, cwd: ROOT },
      createLogger('quiet'),
    );
    const page = pathToFileURL(join(reportDir, 'report.html')).href;
    const rowsIn = (dom: string) => [...dom.matchAll(/<tr data-status="(\w+)"[^>]*?( hidden="")?>/g)].map((m) => ({ status: m[1], hidden: !!m[2] }));
    const total = Object.values(summary.counts).reduce((a, b) => a + (b ?? 0), 0);

    const all = await browse(page, ['--dump-dom']);
    expect(rowsIn(all)).toHaveLength(total);
    expect(rowsIn(all).every((r) => !r.hidden)).toBe(true);
    expect(all).toContain(`id="shown">${total} rows shown`);
    for (const [status, n] of Object.entries(summary.counts)) {
      expect(all).toMatch(new RegExp(`<text class="count"[^>]*>${n}</text>`));
      expect(all).toMatch(new RegExp(`value="${status}"[^>]*> <span[^>]*>${status}</span> ${n}<`));
    }

    const invalidOnly = await browse(`${page}#status=invalid`, ['--dump-dom']);
    const rows = rowsIn(invalidOnly);
    expect(rows.filter((r) => !r.hidden).map((r) => r.status)).toEqual(Array(summary.counts.invalid).fill('invalid'));
    expect(rows.filter((r) => r.hidden).length).toBe(total - summary.counts.invalid!);
    expect(invalidOnly).toContain(`id="shown">${summary.counts.invalid} rows shown`);

    const picture = join(tmp(), 'report.png');
    await browse(page, ['--window-size=1280,1500', `--screenshot=${picture}`]);
    const png = readFileSync(picture);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000); // a page of text, not an empty frame
  });
});
