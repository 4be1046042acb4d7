/**
 * The message catalogue: every key with its English and Simplified Chinese
 * text. Each area of the tool keeps its own file under messages/; they are
 * joined here, and a key may be defined only once (test/i18n-catalogue.test.ts).
 * Placeholders are `{name}`; both texts of a key take the same ones.
 */
import { CLI_MESSAGES } from './messages/cli.js';
import { DIRECTORY_MESSAGES } from './messages/directory.js';
import { JUDGE_MESSAGES } from './messages/judge.js';
import { READ_MESSAGES } from './messages/read.js';
import { RUN_MESSAGES } from './messages/run.js';
import { REPORT_MESSAGES } from './messages/report.js';
import { SHEET_MESSAGES } from './messages/sheet.js';
import { UNDO_MESSAGES } from './messages/undo.js';
import { YARGS_MESSAGES } from './messages/yargs.js';

/** A text, or for English a text per plural form of the `count` parameter. */
export type Texts = string | { one: string; other: string };
export interface Entry {
  en: Texts;
  'zh-CN': string;
}

export const CATALOGUE = {
  ...CLI_MESSAGES,
  ...RUN_MESSAGES,
  ...DIRECTORY_MESSAGES,
  ...JUDGE_MESSAGES,
  ...READ_MESSAGES,
  ...REPORT_MESSAGES,
  ...SHEET_MESSAGES,
  ...YARGS_MESSAGES,
  ...UNDO_MESSAGES,
} as const satisfies Record<string, Entry>;

/** Each area's file, to find a key defined twice. */
export const AREAS: Record<string, Record<string, Entry>> = {
  cli: CLI_MESSAGES,
  run: RUN_MESSAGES,
  directory: DIRECTORY_MESSAGES,
  judge: JUDGE_MESSAGES,
  read: READ_MESSAGES,
  report: REPORT_MESSAGES,
  sheet: SHEET_MESSAGES,
  yargs: YARGS_MESSAGES,
  undo: UNDO_MESSAGES,
};
