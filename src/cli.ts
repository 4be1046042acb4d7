#!/usr/bin/env node
// The `contact-import` executable: everything else lives in program.ts, which tests import.
const argv = process.argv.slice(2);
// With --verbose, stack traces name the src/ files and lines (dist/*.map); Node maps only code loaded after this, hence the dynamic import.
if (argv.includes('--verbose')) process.setSourceMapsEnabled(true);
const { main } = await import('./program.js');
process.exitCode = await main(argv);
