/**
 * yargs' own words in the run's language. The bundle cannot load yargs' locale
 * files (build.mjs), so for Chinese they are given from our catalogue; English
 * keeps yargs' built-in words.
 */
import type { Argv } from 'yargs';
import { YARGS_MESSAGES, YARGS_PLURAL_KEYS } from '../i18n/messages/yargs.js';
import { currentLanguage } from '../i18n/text.js';

export function inOurLanguage<T>(y: Argv<T>): Argv<T> {
  const language = currentLanguage();
  if (language === 'en') return y;
  const strings: Record<string, string | { one: string; other: string }> = {};
  for (const entry of Object.values(YARGS_MESSAGES)) {
    const text = entry[language];
    strings[entry.en] = YARGS_PLURAL_KEYS.includes(entry.en) ? { one: text, other: text } : text;
  }
  return y.updateStrings(strings as Parameters<Argv['updateStrings']>[0]);
}
