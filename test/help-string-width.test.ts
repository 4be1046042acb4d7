/**
 * The bundle lays out yargs's help with src/help-string-width.ts instead of the
 * string-width package (build.mjs says why). It must count the same columns for
 * the text it lays out, or the help's columns would no longer line up.
 */
import realStringWidth from 'string-width';
import stringWidth from '../src/help-string-width.js';
import { runCli } from './helpers/cli.js';

describe('help layout width', () => {
  it.each([
    ['plain ASCII', 'contact-import validate <file> [options]'],
    ['empty', ''],
    ['marks in our help', 'windows-1252… (default: detected) – see README'],
    ['accents', 'Müller José Ångström façade'],
    ['combining accent', 'Jose\u0301'],
    ['Chinese', '张伟，市场部'],
    ['Japanese and Korean', 'カタカナ ひらがな 한국어'],
    ['fullwidth forms', 'ＡＢＣ１２３'],
    ['an emoji', 'ok 😀'],
    ['ANSI colour', '\u001B[31mred\u001B[39m text'],
    ['controls and zero-width', 'a\u0007b\u200Bc\uFEFFd'],
  ])('%s', (_, text) => {
    expect(stringWidth(text)).toBe(realStringWidth(text));
  });

  it('agrees with string-width on every line and word of every command\'s --help', async () => {
    const commands = ['', 'validate', 'import', 'status', 'demo', 'emulator'];
    const pieces = new Set<string>();
    for (const command of commands) {
      const run = await runCli(command ? [command, '--help'] : ['--help']);
      expect(run.code).toBe(0);
      for (const line of run.stdout.split('\n')) {
        pieces.add(line);
        for (const word of line.split(/\s+/)) pieces.add(word);
      }
    }
    expect(pieces.size).toBeGreaterThan(100);
    const differing = [...pieces].filter((piece) => stringWidth(piece) !== realStringWidth(piece));
    expect(differing).toEqual([]);
  });
});
