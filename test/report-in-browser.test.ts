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
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runValidate } from '../src/commands/validate.js';
import { createLogger } from '../src/terminal/log.js';
import { ROOT, runCli } from './helpers/cli.js';
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
  return (await browseLogged(url, args)).stdout;
}

/** The browser's output and its log: the console (CSP violations among it) goes to stderr with --enable-logging. */
function browseLogged(url: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', ...args, url], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
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

maybe('report.html: values are text, and only its own script runs', () => {
  /** The attribute the hostile scripts set (their text, shown escaped, also names it). */
  const PWNED = /data-pwned="/;

  it('a sheet whose cells hold markup and script shows them as text: no element of theirs, and no script of theirs runs', async () => {
    const sheet = join(tmp(), 'hostile.csv');
    writeFileSync(
      sheet,
      [
        'Name,Email,Title,MessageTypes',
        `"<img src=x onerror=""document.body.setAttribute('data-pwned','img')"">",ann@example.com,CEO,ServiceMessage`,
        `Bob,"</script><script>document.body.setAttribute('data-pwned','script')</script>",CEO,ServiceMessage`,
        `Cat,cat@example.com,"</td></tr><tr data-status=""valid""><td>forged",ServiceMessage`,
      ].join('\n'),
    );
    const reportDir = join(tmp(), 'hostile-report');
    await runValidate({ file: sheet, read: {}, site: 'intl', contactLimit: 20, reportDir, cwd: ROOT }, createLogger('quiet'));
    const dom = await browse(`${pathToFileURL(join(reportDir, 'report.html')).href}#status=invalid`, ['--dump-dom']);
    expect(dom).not.toMatch(PWNED);
    expect(dom.match(/<img/g)).toBeNull();
    expect(dom.match(/<script/g)).toHaveLength(1);
    expect(dom).toContain('&lt;img src=x onerror="document.body.setAttribute(\'data-pwned\',\'img\')"&gt;');
    expect(dom).toContain("&lt;/script&gt;&lt;script&gt;document.body.setAttribute('data-pwned','script')&lt;/script&gt;");
    // Three rows, all invalid, none forged; the page's own filter ran.
    expect([...dom.matchAll(/<tr data-status="(\w+)"/g)].map((m) => m[1])).toEqual(['invalid', 'invalid', 'invalid']);
    expect(dom).toContain('id="shown">3 rows shown');
  });

  it("a script or handler that got into the page anyway is blocked by its Content-Security-Policy; the page's own script still runs", async () => {
    const reportDir = join(tmp(), 'csp-report');
    const { summary } = await runValidate(
      { file: join(ROOT, 'fixtures', 'invalid.csv'), read: {}, site: 'intl', contactLimit: 20, reportDir, cwd: ROOT },
      createLogger('quiet'),
    );
    const html = readFileSync(join(reportDir, 'report.html'), 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+';/);
    expect(html).not.toContain('unsafe-inline');
    const injected = (page: string) =>
      page.replace(
        '<body>',
        `<body><script>document.body.setAttribute('data-pwned','inline')</script><img src=x onerror="document.documentElement.setAttribute('data-pwned','handler')">`,
      );
    const open = async (name: string, page: string) => {
      writeFileSync(join(reportDir, name), page);
      return browse(`${pathToFileURL(join(reportDir, name)).href}#status=invalid`, ['--dump-dom']);
    };

    const blocked = await open('injected.html', injected(html));
    expect(blocked).not.toMatch(PWNED);
    expect(blocked).toContain(`id="shown">${summary.counts.invalid} rows shown`);

    // The same page without the policy: both run, so the test above can see them.
    const unprotected = await open('unprotected.html', injected(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')));
    expect(unprotected).toMatch(/data-pwned="inline"/);
    expect(unprotected).toMatch(/data-pwned="handler"/);
  });
});

maybe('report.html in Chinese, in headless Chromium (issue 22)', () => {
  const CSP_VIOLATION = /violates the following Content Security Policy/;
  const validated = async (reportDir: string, ...flags: string[]) => {
    const done = await runCli(['validate', join(ROOT, 'fixtures', 'invalid.csv'), '--report-dir', reportDir, ...flags]);
    expect(done.code).toBe(1);
    return pathToFileURL(join(reportDir, 'report.html')).href;
  };
  const statusesIn = (dom: string) => [...dom.matchAll(/<tr data-status="(\w+)"[^>]*?( hidden="")?>/g)].map((m) => ({ status: m[1], hidden: !!m[2] }));

  it('renders with Chinese headings, its own script filters the rows, no CSP violation, statuses keyed as in the English run', async () => {
    const english = await validated(join(tmp(), 'en'), '--lang', 'en');
    const chinese = await validated(join(tmp(), 'zh'), '--lang', 'zh-CN');
    const args = ['--enable-logging=stderr', '--v=0', '--dump-dom'];

    const zh = await browseLogged(`${chinese}#status=invalid`, args);
    expect(zh.stderr).not.toMatch(CSP_VIOLATION);
    expect(zh.stdout).toContain('<html lang="zh-CN">');
    expect(zh.stdout).toContain('<h2 id="rows-title">各行（有问题的在前）</h2>');
    expect(zh.stdout).toContain('<h2 id="directory-title">资源目录</h2>');
    expect(zh.stdout).toMatch(/<p class="verdict bad" id="verdict">已校验，未发送任何内容：/);
    expect(zh.stdout).toMatch(/value="invalid"[^>]*> <span class="status bad">无效 invalid<\/span>/);

    const en = await browseLogged(`${english}#status=invalid`, args);
    expect(en.stderr).not.toMatch(CSP_VIOLATION);
    // The same rows under the same keys, filtered the same by the same script.
    expect(statusesIn(zh.stdout)).toEqual(statusesIn(en.stdout));
    const invalid = statusesIn(zh.stdout).filter((row) => !row.hidden).length;
    expect(invalid).toBeGreaterThan(0);
    expect(zh.stdout).toContain(`id="shown">显示 ${invalid} 行</p>`);
    expect(en.stdout).toContain(`id="shown">${invalid} rows shown</p>`);
  });

  it('reports a CSP violation where there is one (so the check above can fail)', async () => {
    const reportDir = join(tmp(), 'zh-injected');
    await validated(reportDir, '--lang', 'zh-CN');
    const injected = join(reportDir, 'injected.html');
    writeFileSync(injected, readFileSync(join(reportDir, 'report.html'), 'utf8').replace('<body>', '<body><script>document.title = "x"</script>'));
    const { stderr } = await browseLogged(pathToFileURL(injected).href, ['--enable-logging=stderr', '--v=0', '--dump-dom']);
    expect(stderr).toMatch(CSP_VIOLATION);
  });
});
