/**
 * The progress bar on a real terminal (issue 7): the CLI run under `script`
 * (util-linux), which gives it a pseudo-terminal, as a person's shell would.
 * Skipped with a note where `script` is missing.
 */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, runCli } from './helpers/cli.js';
import { uniqueName } from './helpers/generate.js';
import { useTempDir } from './helpers/tmp.js';

const run = promisify(execFile);
const tmp = useTempDir();
const SCRIPT = '/usr/bin/script';
const maybe = existsSync(SCRIPT) ? describe : describe.skip;
if (!existsSync(SCRIPT)) console.warn('progress-terminal: no /usr/bin/script (util-linux); skipped');

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

maybe('progress on a terminal', () => {
  it('draws a bar while the sheet is read; a pipe gets no bar, only plain lines', async () => {
    const sheet = join(tmp(), 'many.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `${uniqueName(i)},p${i}@example.com,CEO,ServiceMessage`);
    writeFileSync(sheet, ['Name,Email,Title,MessageTypes', ...rows, ''].join('\r\n'));
    const command = [process.execPath, CLI, 'validate', sheet, '--report-dir', join(tmp(), 'tty'), '--contact-limit', '5000'].map(quote).join(' ');
    const { stdout: screen } = await run(SCRIPT, ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm', ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(screen).toContain('\u001b[?25l'); // the cursor hidden while the bar is drawn…
    expect(screen).toContain('\u001b[?25h'); // …and shown again
    expect(screen).toMatch(/reading 3000 rows/);
    expect(screen).toMatch(/valid 3000/);

    const piped = await runCli(['validate', sheet, '--report-dir', join(tmp(), 'pipe'), '--contact-limit', '5000']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('\u001b[');
    // Whether a plain line shows depends on how long the read takes (one per 5 s; the spacing
    // is tested with a clock in reports-people-look-at); any that does is one plain line.
    for (const line of piped.stderr.split('\n').filter((l) => l.startsWith('reading'))) expect(line).toMatch(/^reading: \d+ rows \(row \d+\)$/);
    expect(piped.stderr).toMatch(/valid 3000/);
  });
});
