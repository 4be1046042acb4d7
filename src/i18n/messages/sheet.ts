/**
 * The blank contact sheet (`template`): its Instructions sheet and the prompts
 * Excel shows as a cell is typed in. The column headers are not here: they are
 * the import headers, the same in every language (they are read back).
 */
export const SHEET_MESSAGES = {
  'sheet.instructions.heading': { en: 'How to fill in the Contacts sheet', 'zh-CN': '如何填写 Contacts 工作表' },
  'sheet.instructions.exampleHeading': {
    en: 'An example row (type yours on the Contacts sheet, from row 2)',
    'zh-CN': '示例行（请在 Contacts 工作表中从第 2 行起填写）',
  },
  // The Instructions sheet's first column names each column by its header (a parameter: it does not change).
  'sheet.rule.name': { en: 'required; {rule}', 'zh-CN': '必填；{rule}' },
  'sheet.rule.nameIntl': {
    en: '{min}–{max} letters A–Z only: no spaces, digits or punctuation; unique in the directory (compared ignoring case)',
    'zh-CN': '{min}–{max} 个英文字母（A–Z），不能含空格、数字或标点；在资源目录中唯一（不区分大小写）',
  },
  'sheet.rule.nameCn': {
    en: '{min}–{max} letters A–Z or Chinese characters: no spaces, digits or punctuation; unique in the directory (compared ignoring case)',
    'zh-CN': '{min}–{max} 个英文字母（A–Z）或汉字，不能含空格、数字或标点；在资源目录中唯一（不区分大小写）',
  },
  'sheet.rule.email': { en: 'required; an address such as {example}', 'zh-CN': '必填；邮箱地址，例如 {example}' },
  'sheet.rule.phone': {
    en: 'optional; a mainland China mobile: {example} ({plain} and {international} are read as that too)',
    'zh-CN': '选填；中国内地手机号：{example}（{plain} 和 {international} 也会按此读取）',
  },
  'sheet.rule.title': { en: 'required; one of {titles}', 'zh-CN': '必填；以下之一：{titles}' },
  'sheet.rule.messageTypes': {
    en: 'required; one or more of {types}, separated by ; or ,',
    'zh-CN': '必填；以下一项或多项：{types}，用 ; 或 , 分隔',
  },
  'sheet.rule.members': {
    en: 'optional; the directory (rd-…), folders (r-…, fd-…) or account IDs the contact is bound to, separated by ; (at most {max})',
    'zh-CN': '选填；联系人绑定的资源目录（rd-…）、资源夹（r-…、fd-…）或成员账号 ID，用 ; 分隔（最多 {max} 个）',
  },
  'sheet.rule.contactLimitLabel': { en: 'Contact limit', 'zh-CN': '联系人上限' },
  'sheet.rule.contactLimit': {
    en: 'the directory holds at most {limit} contacts (raise it in Quota Center, then use --contact-limit)',
    'zh-CN': '资源目录最多可有 {limit} 个消息联系人（可在配额中心提升，然后使用 --contact-limit）',
  },
  'sheet.rule.siteLabel': { en: 'Site', 'zh-CN': '站点' },
  'sheet.rule.siteCn': { en: 'China site (--site cn)', 'zh-CN': '中国站（--site cn）' },
  'sheet.rule.siteIntl': { en: 'international site (--site intl)', 'zh-CN': '国际站（--site intl）' },
  'sheet.rule.checkLabel': { en: 'Check the sheet', 'zh-CN': '校验表格' },
  'sheet.rule.check': { en: 'contact-import validate <this file>{siteFlag}', 'zh-CN': 'contact-import validate <本文件>{siteFlag}' },
  // Excel's data validation: the error shown on a wrong entry, the prompt while a cell is selected.
  'sheet.validation.title': { en: 'Choose one of {titles}', 'zh-CN': '请选择以下之一：{titles}' },
  'sheet.validation.messageTypes': {
    en: 'One or more of {types}, separated by ; or ,',
    'zh-CN': '以下一项或多项：{types}，用 ; 或 , 分隔',
  },

  // Where template and export write their sheet (save-sheet.ts).
  'sheet.save.extension': {
    en: '"{file}": name the sheet .xlsx or .csv (its extension says which to write)',
    'zh-CN': '“{file}”：表格文件名须以 .xlsx 或 .csv 结尾（按扩展名决定写入的格式）',
  },
  'sheet.save.exists': {
    en: '"{file}" already exists: choose another name, or give --force to replace it',
    'zh-CN': '“{file}”已存在：请换一个文件名，或加 --force 替换它',
  },
  'sheet.save.cannotWrite': { en: 'cannot write "{file}": {reason}', 'zh-CN': '无法写入“{file}”：{reason}' },
} as const;
