/**
 * Which language the tool speaks: `--lang`, else CONTACT_IMPORT_LANG (read by
 * yargs as the flag), else the locale variables in POSIX order. Only the words
 * change with it: codes, statuses, JSON keys, exit codes and API values never do.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * A POSIX locale (`zh_CN.UTF-8`, `zh_CN.GB18030@pinyin`) or a BCP 47 tag
 * (`zh-Hans`, `zh-Hans-CN`) to our language: Simplified Chinese for `zh` with
 * the Hans script or a region that writes it (CN, SG, MY), or plain `zh`;
 * anything else, Traditional Chinese included, is English.
 */
export function languageOfLocale(locale: string): Language {
  const tag = locale.split(/[.@]/)[0]!.replace(/_/g, '-').toLowerCase();
  const [primary, ...subtags] = tag.split('-');
  if (primary !== 'zh') return 'en';
  if (subtags.includes('hant')) return 'en';
  if (subtags.length === 0 || subtags.includes('hans')) return 'zh-CN';
  return subtags.some((subtag) => ['cn', 'sg', 'my'].includes(subtag)) ? 'zh-CN' : 'en';
}

/** The first locale variable set, as the C library reads them: LC_ALL, then LC_MESSAGES, then LANG. */
export function languageOfEnvironment(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return languageOfLocale(locale);
}

/**
 * The language asked for before yargs runs (help is worded as the commands are
 * declared): `--lang` among the options (not after `--`), else
 * CONTACT_IMPORT_LANG, else the locale. The value of `--lang` or the variable
 * is returned as given when it is not a language, for the caller to refuse.
 */
export function chosenLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): Language | { unknown: string } {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  let asked: string | undefined;
  options.forEach((arg, index) => {
    if (arg === '--lang') asked = options[index + 1] ?? '';
    else if (arg.startsWith('--lang=')) asked = arg.slice('--lang='.length);
  });
  asked ??= env.CONTACT_IMPORT_LANG || undefined;
  if (asked === undefined) return languageOfEnvironment(env);
  return isLanguage(asked) ? asked : { unknown: asked };
}
