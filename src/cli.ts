#!/usr/bin/env node
// The `contact-import` executable: everything else lives in program.ts, which tests import.
import { hideBin } from 'yargs/helpers';
import { main } from './program.js';

process.exitCode = await main(hideBin(process.argv));
