#!/usr/bin/env node
// The `contact-import` executable: everything else lives in program.ts, which tests import.
import { EXIT } from './errors.js';
import { stopRequested } from './interrupt.js';

const argv = process.argv.slice(2);
// With --verbose, stack traces name the src/ files and lines (dist/*.map); Node maps only code loaded after this, hence the dynamic import.
if (argv.includes('--verbose')) process.setSourceMapsEnabled(true);
const { main } = await import('./program.js');
const { say } = await import('./i18n/text.js');
// A reader that has read enough (`--json | head -c 10`) closes the pipe: what is left has nowhere to go, and the run ends as it would have, without a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
// A promise that never settles empties the event loop, and Node ends with code 13 and no word: say so, as the bug it is.
process.on('exit', () => {
  if (process.exitCode !== 13) return;
  process.stderr.write(`error: ${say('cli.error.internal', { message: say('cli.error.neverFinished') })}\n`);
  process.exitCode = EXIT.internal;
});
process.exitCode = await main(argv);
// After a stop signal the report is written: a call the run gave up waiting for must not hold the process open.
if (stopRequested()) process.exit();
