/**
 * Which language the tool speaks (issue 22): `--lang`, else CONTACT_IMPORT_LANG,
 * else the locale (LC_ALL, LC_MESSAGES, LANG); English by default. The help and
 * the command line's refusals in that language, and what never changes with it.
 */
import { chosenLanguage, languageOfEnvironment, languageOfLocale } from '../src/i18n/language.js';
import { useLanguage } from '../src/i18n/text.js';
import { numberFlag, RANGES, refuseRepeatedFlags } from '../src/cli/flags.js';
import { usageError } from '../src/cli/usage-error.js';
import { runCli } from './helpers/cli.js';

describe('languageOfLocale', () => {
  it.each([
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh_CN.GB18030@pinyin', 'zh-CN'],
    ['zh_SG', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh_TW.UTF-8', 'en'],
    ['zh_HK', 'en'],
    ['zh-Hant-CN', 'en'],
    ['en_US.UTF-8', 'en'],
    ['ja_JP.UTF-8', 'en'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['', 'en'],
  ])('%s is %s', (locale, language) => {
    expect(languageOfLocale(locale)).toBe(language);
  });

  it('reads LC_ALL before LC_MESSAGES before LANG, an empty one skipped', () => {
    expect(languageOfEnvironment({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageOfEnvironment({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(languageOfEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(languageOfEnvironment({})).toBe('en');
  });
});

describe('chosenLanguage', () => {
  const chinese = { LANG: 'zh_CN.UTF-8' };
  it('--lang beats the variable, which beats the locale', () => {
    expect(chosenLanguage(['--lang', 'en'], { ...chinese, CONTACT_IMPORT_LANG: 'zh-CN' })).toBe('en');
    expect(chosenLanguage(['validate', '--lang=zh-CN'], { LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(chosenLanguage([], { ...chinese, CONTACT_IMPORT_LANG: 'en' })).toBe('en');
    expect(chosenLanguage([], { CONTACT_IMPORT_LANG: 'zh-CN' })).toBe('zh-CN');
    expect(chosenLanguage([], chinese)).toBe('zh-CN');
    expect(chosenLanguage([], {})).toBe('en');
  });

  it('the last --lang counts, and not one after --', () => {
    expect(chosenLanguage(['--lang', 'zh-CN', '--lang', 'en'], {})).toBe('en');
    expect(chosenLanguage(['validate', '--', '--lang', 'zh-CN'], {})).toBe('en');
  });

  it('an unknown value is handed back, to be refused', () => {
    expect(chosenLanguage(['--lang', 'fr'], chinese)).toEqual({ unknown: 'fr' });
    expect(chosenLanguage([], { CONTACT_IMPORT_LANG: 'zh' })).toEqual({ unknown: 'zh' });
  });
});

describe('the command line in Chinese, in process', () => {
  beforeEach(() => useLanguage('zh-CN'));
  afterEach(() => useLanguage('en'));

  it('a number out of range', () => {
    expect(() => numberFlag('timeout', 0, RANGES.timeout)).toThrow('--timeout 必须是 1 到 600 之间的秒数，实际为 0');
    expect(() => numberFlag('max-rows', Number.NaN, RANGES.count1)).toThrow('--max-rows 必须是 ≥ 1 的整数，实际为 非数字的值');
  });

  it('a flag given twice', () => {
    expect(() => refuseRepeatedFlags({ _: [], site: ['cn', 'intl'] })).toThrow('--site 指定了 2 次（cn, intl）；只能指定一次');
  });

  it('an unknown command, with the nearest one', () => {
    const parsed = { argv: { _: ['valdate'], $0: 'contact-import' }, aliases: {} } as never;
    expect(usageError('Unknown argument: valdate', parsed, ['validate', 'import']).message).toBe(
      '未知命令 "valdate"；您是想输入 validate 吗？可用的命令有 validate, import（参见 contact-import --help）',
    );
  });
});

describe('the built CLI', () => {
  const chineseHelp = /将 CSV\/XLSX 表格中的联系人导入阿里云资源目录的消息联系人。[\s\S]*命令：[\s\S]*选项：[\s\S]*显示帮助/;

  it('speaks Chinese with LANG=zh_CN.UTF-8, and with --lang zh-CN', async () => {
    const byLocale = await runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.code).toBe(0);
    expect(byLocale.stdout).toMatch(chineseHelp);
    const byFlag = await runCli(['--help', '--lang', 'zh-CN']);
    expect(byFlag.stdout).toBe(byLocale.stdout);
    // Commands and flags keep their names.
    expect(byFlag.stdout).toContain('contact-import validate [file]');
    expect(byFlag.stdout).toContain('--lang');
  });

  it('a command\'s help: its options, types, defaults and examples in Chinese', async () => {
    const { code, stdout } = await runCli(['import', '--help', '--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(stdout).toContain('试运行：只读取资源目录，不做任何写入');
    expect(stdout).toContain('示例：');
    expect(stdout).toContain('[布尔值] [默认值为 false]');
    expect(stdout).toMatch(/\[可选值为 "create", "upsert", "sync"\]/);
    expect(stdout).not.toMatch(/Options:|Show help|\[boolean\]/);
  });

  it('--lang en beats LANG and CONTACT_IMPORT_LANG; CONTACT_IMPORT_LANG beats LANG', async () => {
    const english = await runCli(['--help', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8', CONTACT_IMPORT_LANG: 'zh-CN' } });
    expect(english.stdout).toContain('Import contacts from CSV/XLSX sheets into the message contacts');
    expect(english.stdout).toContain('Show help');
    const variable = await runCli(['--help'], { env: { LANG: 'zh_CN.UTF-8', CONTACT_IMPORT_LANG: 'en' } });
    expect(variable.stdout).toBe(english.stdout);
    const chinese = await runCli(['--help'], { env: { CONTACT_IMPORT_LANG: 'zh-CN' } });
    expect(chinese.stdout).toMatch(chineseHelp);
  });

  it('--lang fr: one line, exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['validate', 'x.csv', '--lang', 'fr'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('--lang fr: unknown language; use en or zh-CN')]);
  });

  it('refusals of the command line in Chinese, exit 2 as in English', async () => {
    const typo = await runCli(['valdate', 'x.csv', '--lang', 'zh-CN']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('未知命令 "valdate"；您是想输入 validate 吗？');
    const option = await runCli(['validate', 'x.csv', '--dryrun', '--lang', 'zh-CN']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('未知选项 --dryrun（参见 contact-import validate --help）');
    const none = await runCli(['--lang', 'zh-CN']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('请指定一个命令：template, validate, import, export, undo, status, demo, emulator');
    const choice = await runCli(['validate', 'x.csv', '--site', 'xx', '--lang', 'zh-CN']);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('选项 site 的值 "xx" 无效，可选值为 "intl", "cn"');
    const prune = await runCli(['import', 'x.csv', '--prune', '--lang', 'zh-CN'], { env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secret' } });
    expect(prune.code).toBe(2);
    expect(prune.stderr).toContain('--prune 须与 --mode sync 一起使用（它会删除表格中没有的联系人），不能用于 --mode create');
  });
});
