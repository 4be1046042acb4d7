/**
 * The `escalade/sync` that yargs looks for its package.json with, swapped in
 * for the real package by build.mjs: it goes straight to ours.
 *
 * Why: yargs guesses its version as it is created, walking up from its own
 * file and listing every folder on the way (dist/chunks/ holds about fifty
 * files) until one has a package.json: a millisecond of every command that runs
 * yargs (measured on `--help`, before static-answers.ts). Finding none is no
 * cheaper: yargs then builds an AssertionError (0.7 ms, measured). program.ts
 * sets the version itself anyway (`.version(VERSION)`), and pkgConf, the one
 * other use, is not used.
 */
import { packageFile } from './package-file.js';

export default function findUp(): string {
  return packageFile('package.json');
}
