/**
 * The official client (and proxy-agent) is loaded only by the commands that call the directory,
 * and exceljs only to write a copy of a sheet: `validate` of a clean sheet and
 * `--help` start without either (the client alone costs about 0.3 s).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/cli.js';
import { useTempDir } from './helpers/tmp.js';

const tmp = useTempDir('contact-import-lazy-');
const LOG_RESOLVED = ['--import', fileURLToPath(new URL('./helpers/log-resolved.mjs', import.meta.url))];

async function resolvedBy(args: string[]): Promise<string[]> {
  const run = await runCli(args, { nodeOptions: LOG_RESOLVED });
  return run.stderr.split('\n').filter((line) => line.startsWith('resolved ')).map((line) => line.slice('resolved '.length));
}

// The client, and proxy-agent that carries its requests.
const sdk = (urls: string[]) => urls.filter((url) => /node_modules\/(@(alicloud|darabonba)|proxy-agent)\//.test(url));
const exceljs = (urls: string[]) => urls.filter((url) => /node_modules\/exceljs\//.test(url));

describe('start-up loads only what the command needs', () => {
  it('--help and validate never load the Alibaba Cloud client, nor exceljs for a clean sheet', async () => {
    const help = await resolvedBy(['--help']);
    const validate = await resolvedBy(['validate', 'fixtures/contacts.csv', '--report-dir', `${tmp()}/validate`]);
    expect(help.length).toBeGreaterThan(0);
    // The validate command is its own chunk of the bundle, loaded only when run.
    expect(validate.some((url) => /\/dist\/chunks\/validate-\w+\.js$/.test(url))).toBe(true);
    expect(sdk(help)).toEqual([]);
    expect(sdk(validate)).toEqual([]);
    expect(exceljs(help)).toEqual([]);
    expect(exceljs(validate)).toEqual([]);
  });

  it('validate loads exceljs to write annotated.xlsx for a sheet with problems (the hook does see it)', async () => {
    const urls = await resolvedBy(['validate', 'fixtures/invalid.csv', '--report-dir', `${tmp()}/invalid`]);
    expect(exceljs(urls).length).toBeGreaterThan(0);
  });

  it('--version is the one in package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('import loads it (the hook does see it)', async () => {
    const imported = await resolvedBy(['import', 'fixtures/contacts.csv', '--dry-run', '--endpoint', 'http://127.0.0.1:9', '--max-tries', '1', '--report-dir', `${tmp()}/import`]);
    expect(sdk(imported).length).toBeGreaterThan(0);
    expect(imported.some((url) => /node_modules\/proxy-agent\//.test(url))).toBe(true);
  });
});
