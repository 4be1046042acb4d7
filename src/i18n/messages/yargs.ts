/**
 * yargs' own words (help headings, types, its refusals), for `updateStrings`
 * when the language is Chinese: the bundle cannot load yargs' locale files.
 * Each English text is yargs' key, exactly as in node_modules/yargs/locales/en.json;
 * `%s` is yargs' placeholder, filled by yargs. "Unknown argument" is not here:
 * usage-error.ts reads yargs' English message and says it in our words.
 */
export const YARGS_MESSAGES = {
  'yargs.commands': { en: 'Commands:', 'zh-CN': '命令：' },
  'yargs.options': { en: 'Options:', 'zh-CN': '选项：' },
  'yargs.examples': { en: 'Examples:', 'zh-CN': '示例：' },
  'yargs.positionals': { en: 'Positionals:', 'zh-CN': '位置参数：' },
  'yargs.boolean': { en: 'boolean', 'zh-CN': '布尔值' },
  'yargs.count': { en: 'count', 'zh-CN': '计数' },
  'yargs.string': { en: 'string', 'zh-CN': '字符串' },
  'yargs.number': { en: 'number', 'zh-CN': '数字' },
  'yargs.array': { en: 'array', 'zh-CN': '数组' },
  'yargs.required': { en: 'required', 'zh-CN': '必填' },
  'yargs.default': { en: 'default', 'zh-CN': '默认值' },
  // yargs writes a space and the value after these: "[默认值为 false]".
  'yargs.defaultColon': { en: 'default:', 'zh-CN': '默认值为' },
  'yargs.choices': { en: 'choices:', 'zh-CN': '可选值为' },
  'yargs.aliases': { en: 'aliases:', 'zh-CN': '别名为' },
  'yargs.generatedValue': { en: 'generated-value', 'zh-CN': '自动生成' },
  'yargs.command': { en: 'command', 'zh-CN': '命令' },
  'yargs.deprecated': { en: 'deprecated', 'zh-CN': '已弃用' },
  'yargs.deprecatedBecause': { en: 'deprecated: %s', 'zh-CN': '已弃用：%s' },
  'yargs.notEnough': {
    en: 'Not enough non-option arguments: got %s, need at least %s',
    'zh-CN': '参数不足：收到 %s 个，至少需要 %s 个',
  },
  'yargs.tooMany': {
    en: 'Too many non-option arguments: got %s, maximum of %s',
    'zh-CN': '参数过多：收到 %s 个，最多 %s 个',
  },
  'yargs.missingValue': { en: 'Missing argument value: %s', 'zh-CN': '选项缺少值：%s' },
  'yargs.missingRequired': { en: 'Missing required argument: %s', 'zh-CN': '缺少必填选项：%s' },
  'yargs.unknownCommand': { en: 'Unknown command: %s', 'zh-CN': '未知命令：%s' },
  'yargs.invalidValues': { en: 'Invalid values:', 'zh-CN': '无效的值：' },
  'yargs.givenChoices': {
    en: 'Argument: %s, Given: %s, Choices: %s',
    'zh-CN': '选项 %s 的值 %s 无效，可选值为 %s',
  },
  'yargs.checkFailed': { en: 'Argument check failed: %s', 'zh-CN': '选项检查未通过：%s' },
  'yargs.implications': { en: 'Implications failed:', 'zh-CN': '缺少依赖的选项：' },
  'yargs.notEnoughFollowing': { en: 'Not enough arguments following: %s', 'zh-CN': '选项后缺少值：%s' },
  'yargs.invalidJson': { en: 'Invalid JSON config file: %s', 'zh-CN': 'JSON 配置文件无效：%s' },
  'yargs.configPath': { en: 'Path to JSON config file', 'zh-CN': 'JSON 配置文件的路径' },
  'yargs.showHelp': { en: 'Show help', 'zh-CN': '显示帮助' },
  'yargs.showVersion': { en: 'Show version number', 'zh-CN': '显示版本号' },
  'yargs.didYouMean': { en: 'Did you mean %s?', 'zh-CN': '您是想输入 %s 吗？' },
  'yargs.exclusive': { en: 'Arguments %s and %s are mutually exclusive', 'zh-CN': '选项 %s 和 %s 不能同时使用' },
} as const;

/** yargs' keys that take plural forms (`__n`): given as `{ one, other }`. */
export const YARGS_PLURAL_KEYS: readonly string[] = [
  'Not enough non-option arguments: got %s, need at least %s',
  'Too many non-option arguments: got %s, maximum of %s',
  'Missing argument value: %s',
  'Missing required argument: %s',
  'Unknown command: %s',
];
