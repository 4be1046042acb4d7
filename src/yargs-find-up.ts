/**
 * The `escalade/sync` that yargs looks for package.json with, swapped in for
 * the real package by build.mjs: it finds nothing.
 *
 * Why: yargs guesses its version as it is created, walking up from its own
 * file and listing every folder on the way (dist/chunks/ holds about fifty
 * files) to read the first package.json; a millisecond of `--help`, which is
 * within a few of its target. program.ts gives yargs the version itself
 * (`.version(VERSION)`), and pkgConf, the one other use, is not used. Told
 * there is no package.json, yargs keeps an empty one and goes on.
 */
export default function findUp(): undefined {
  return undefined;
}
