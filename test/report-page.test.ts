/**
 * Issue 20, part 5: report.html says what each command did in its own words,
 * shows only the columns the command fills, lists allowed values once, names
 * the endpoint and links the files beside it. The built CLI, end to end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, runCli } from './helpers/cli.js';
import { useImportRuns } from './helpers/import-run.js';

const { tmp, emulator, sheet, importSheet } = useImportRuns('contact-import-page-');

const page = (reportDir: string) => readFileSync(join(reportDir, 'report.html'), 'utf8');
const headers = (html: string) => [...html.matchAll(/<th>(\w+)<\/th>/g)].map((m) => m[1]);
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
const CLEAN = 'Name,Email,Title,MessageTypes\nAlice,alice@example.com,CEO,ServiceMessage\nBob,bob@example.com,CEO,ServiceMessage\n';

describe('report.html of validate', () => {
  it('says checked, nothing sent; no contact column; allowed values once; problems with value, code and fix; links its files', async () => {
    const reportDir = join(tmp(), 'validated');
    const fixed = join(tmp(), 'fixed copy.csv');
    const run = await runCli(['validate', join(ROOT, 'fixtures', 'problems.csv'), '--report-dir', reportDir, '--write-fixed', fixed]);
    expect(run.code).toBe(1);
    const html = page(reportDir);
    expect(html).toContain('Checked, nothing sent: 2 of 8 rows valid');
    expect(html).toContain('exit code 1: some rows would not be imported as they are');
    expect(html).not.toMatch(/were not imported|dry run|nothing was written/);
    expect(headers(html)).toEqual(['row', 'status', 'name', 'email', 'problems']);
    expect(html).toContain('<dd id="endpoint">none: nothing was sent</dd>');
    // Two Title problems and one MessageTypes problem: each list of allowed values once, in the legend.
    expect(html.match(/FinanceDirector/g)).toHaveLength(1);
    expect(html.match(/ProductMessage/g)).toHaveLength(1);
    expect(html).toMatch(/<code>InvalidParameter\.Title<\/code> Title \(column D\): &#34;CTO&#34; is not one of the titles under “Allowed values” <span class="fix">did you mean: <q>TechnicalDirector<\/q><\/span>/);
    expect(html).toMatch(/<code>InvalidParameter\.Name<\/code> [^<]*&#34;Zhang San&#34;[^<]*<span class="fix">fix: <q>ZhangSan<\/q>/);
    // A badge never breaks inside a word.
    expect(html).toMatch(/\.status \{[^}]*white-space: nowrap/);
    // Links to the files beside it, relative, each one there.
    expect(hrefs(html)).toEqual(['results.csv', 'results.json', 'annotated.xlsx', '../fixed%20copy.csv']);
    for (const href of hrefs(html)) expect(existsSync(resolve(reportDir, decodeURIComponent(href)))).toBe(true);
  });

  it('a clean sheet: every row accepted, no problems column, and no annotated.xlsx to link', async () => {
    const reportDir = join(tmp(), 'clean');
    const run = await runCli(['validate', sheet(CLEAN), '--report-dir', reportDir]);
    expect(run.code).toBe(0);
    const html = page(reportDir);
    expect(html).toContain('Checked, nothing sent: 2 of 2 rows valid.');
    expect(headers(html)).toEqual(['row', 'status', 'name', 'email']);
    expect(hrefs(html)).toEqual(['results.csv', 'results.json']);
  });
});

describe('report.html of import', () => {
  it('a dry run says planned, nothing written, and names the endpoint', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(CLEAN), ['--dry-run']);
    expect(run.code).toBe(0);
    const html = page(run.reportDir);
    expect(html).toContain('Planned, nothing written: 2 to add.');
    expect(html).toContain(`<dd id="endpoint">${e.url}</dd>`);
    expect(html).not.toContain('Checked, nothing sent');
  });

  it('a real run says what it wrote, and shows the contact column', async () => {
    const e = await emulator();
    const run = await importSheet(e, sheet(CLEAN));
    expect(run.code).toBe(0);
    const html = page(run.reportDir);
    expect(html).toContain('Written: 2 added.');
    expect(html).toContain('exit code 0: every row ended well');
    expect(headers(html)).toContain('contact');
    for (const contact of e.state.all()) expect(html).toContain(contact.ContactId);
  });
});
