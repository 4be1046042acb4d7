/** The command line: usage, flags and their refusals. */
export const CLI_MESSAGES = {
  'cli.lang.describe': {
    en: 'language of messages, reports and help: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG)',
    'zh-CN': '消息、报告和帮助的语言：en 或 zh-CN（默认取自 LC_ALL、LC_MESSAGES 或 LANG）',
  },
  'cli.lang.unknown': {
    en: '--lang {value}: unknown language; use en or zh-CN',
    'zh-CN': '--lang {value}：不支持的语言，请使用 en 或 zh-CN',
  },
} as const;
