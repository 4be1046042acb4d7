/**
 * Judging rows: the rule table's problem details (rules.ts), the notes and cell
 * problems of normalising (normalise.ts), duplicate names and the contact limit.
 * Field names (EmailAddress, Title…) and values (titles, message types) are the
 * API's own words and stay as they are in both languages.
 */
export const JUDGE_MESSAGES = {
  'judge.problem.inColumn': { en: '{column}: {detail}', 'zh-CN': '{column}：{detail}' },

  'judge.name.missing': { en: 'a name is required', 'zh-CN': '姓名为必填项' },
  'judge.name.length': {
    en: {
      one: '"{name}" has {count} character; a name must have {min}–{max}',
      other: '"{name}" has {count} characters; a name must have {min}–{max}',
    },
    'zh-CN': '“{name}”有 {count} 个字符，姓名须为 {min}–{max} 个字符',
  },
  'judge.name.hanOnIntl': {
    en: '"{name}" has Chinese characters, which only the China site accepts (--site cn); on the international site a name is letters A–Z only',
    'zh-CN': '“{name}”含有汉字，只有中国站（--site cn）接受汉字姓名；国际站的姓名只能由英文字母 A–Z 组成',
  },
  'judge.name.lettersOrHan': {
    en: '"{name}" may contain only letters (A–Z) or Chinese characters, no spaces, digits or punctuation',
    'zh-CN': '“{name}”只能由英文字母（A–Z）或汉字组成，不能有空格、数字或标点',
  },
  'judge.name.letters': {
    en: '"{name}" may contain only letters A–Z, no spaces, digits or punctuation',
    'zh-CN': '“{name}”只能由英文字母 A–Z 组成，不能有空格、数字或标点',
  },
  'judge.name.alreadyUsed': {
    en: '{column}: "{name}" is already used by row {row} (names are compared ignoring case)',
    'zh-CN': '{column}：“{name}”已被第 {row} 行使用（比较姓名时不区分大小写）',
  },

  'judge.email.missing': { en: 'an email address is required', 'zh-CN': '邮箱地址为必填项' },
  'judge.email.tooLong': {
    en: 'the address has {length} characters; at most {max} are accepted',
    'zh-CN': '邮箱地址有 {length} 个字符，最多允许 {max} 个',
  },
  'judge.email.invalid': { en: '"{value}" is not a valid email address', 'zh-CN': '“{value}”不是有效的邮箱地址' },
  'judge.email.invalidCharacter': {
    en: '"{value}" is not a valid email address: "{character}" cannot be part of one',
    'zh-CN': '“{value}”不是有效的邮箱地址：邮箱地址中不能有“{character}”',
  },
  'judge.email.invalidSpace': {
    en: '"{value}" is not a valid email address: a space cannot be part of one',
    'zh-CN': '“{value}”不是有效的邮箱地址：邮箱地址中不能有空格',
  },
  'judge.email.invalidStart': {
    en: '"{value}" is not a valid email address: it cannot start with "{character}"',
    'zh-CN': '“{value}”不是有效的邮箱地址：邮箱地址不能以“{character}”开头',
  },

  'judge.phone.shape': {
    en: '"{value}" is not a phone number written as 86-<11-digit mainland mobile>',
    'zh-CN': '“{value}”不是“86-<11 位中国内地手机号>”格式的手机号码',
  },
  'judge.phone.countryCode': {
    en: 'country code {code} is not accepted; only mainland China mobiles (86-) are',
    'zh-CN': '不支持国家/地区代码 {code}，只支持中国内地手机号（86-）',
  },
  'judge.phone.mainland': {
    en: '"{value}" is not an 11-digit mainland China mobile number (1[3-9]xxxxxxxxx)',
    'zh-CN': '“{value}”不是 11 位中国内地手机号（1[3-9]xxxxxxxxx）',
  },
  'judge.phone.scientific': {
    en: '"{value}" is a number in scientific notation, which keeps only some of its digits; format the column as Text and type the full number',
    'zh-CN': '“{value}”是科学计数法表示的数字，只保留了部分位数；请将该列设为“文本”格式，再输入完整号码',
  },

  'judge.title.missing': { en: 'a title is required', 'zh-CN': '职位为必填项' },
  'judge.title.unknown': { en: '"{title}" is not one of {titles}', 'zh-CN': '“{title}”不是可选的职位，可选：{titles}' },

  'judge.messageTypes.missing': { en: 'at least one message type is required', 'zh-CN': '至少需要一种消息类型' },
  // Two keys, not a plural form: English agrees the verb with how many values are named, not with a number it shows.
  'judge.messageTypes.unknownOne': {
    en: '{types} is not a message type; use {known}',
    'zh-CN': '{types} 不是有效的消息类型，可选：{known}',
  },
  'judge.messageTypes.unknownMany': {
    en: '{types} are not message types; use {known}',
    'zh-CN': '{types} 不是有效的消息类型，可选：{known}',
  },

  'judge.members.malformedOne': {
    en: '{ids} is not a directory (rd-…), folder (r-…, fd-…) or numeric account ID',
    'zh-CN': '{ids} 不是资源目录（rd-…）、资源夹（r-…、fd-…）或数字账号 ID',
  },
  'judge.members.malformedMany': {
    en: '{ids} are not a directory (rd-…), folder (r-…, fd-…) or numeric account ID',
    'zh-CN': '{ids} 不是资源目录（rd-…）、资源夹（r-…、fd-…）或数字账号 ID',
  },
  'judge.members.tooMany': {
    en: '{count} targets given; a contact can be bound to at most {max}',
    'zh-CN': '指定了 {count} 个关联对象，一个联系人最多只能关联 {max} 个',
  },

  // A cell that holds no text where text belongs; `At` when the reader knows the cell's reference.
  'judge.cell.date': {
    en: 'holds a date ({shown}), not text; format the column as Text and type the value again',
    'zh-CN': '该单元格是日期（{shown}），不是文本；请将该列设为“文本”格式后重新输入',
  },
  'judge.cell.dateAt': {
    en: 'cell {ref} holds a date ({shown}), not text; format the column as Text and type the value again',
    'zh-CN': '单元格 {ref} 是日期（{shown}），不是文本；请将该列设为“文本”格式后重新输入',
  },
  'judge.cell.error': {
    en: 'holds the formula error {shown}; fix the formula or type the value',
    'zh-CN': '该单元格是公式错误 {shown}；请修正公式或直接输入值',
  },
  'judge.cell.errorAt': {
    en: 'cell {ref} holds the formula error {shown}; fix the formula or type the value',
    'zh-CN': '单元格 {ref} 是公式错误 {shown}；请修正公式或直接输入值',
  },
  'judge.cell.errorText': {
    en: 'holds {shown}, a formula error exported as text; fix the formula in the workbook and export again, or type the value',
    'zh-CN': '该单元格的内容 {shown} 是导出为文本的公式错误；请在工作簿中修正公式后重新导出，或直接输入值',
  },
  'judge.cell.errorTextAt': {
    en: 'cell {ref} holds {shown}, a formula error exported as text; fix the formula in the workbook and export again, or type the value',
    'zh-CN': '单元格 {ref} 的内容 {shown} 是导出为文本的公式错误；请在工作簿中修正公式后重新导出，或直接输入值',
  },
  'judge.cell.uncalculated': {
    en: 'holds a formula whose value was never calculated; open the file in a spreadsheet program and save it, or type the value',
    'zh-CN': '该单元格的公式从未计算出值；请用电子表格软件打开文件并保存，或直接输入值',
  },
  'judge.cell.uncalculatedAt': {
    en: 'cell {ref} holds a formula whose value was never calculated; open the file in a spreadsheet program and save it, or type the value',
    'zh-CN': '单元格 {ref} 的公式从未计算出值；请用电子表格软件打开文件并保存，或直接输入值',
  },
  'judge.cell.merged': {
    en: 'is covered by the merged cells {shown}, so it reads as empty; unmerge them and fill in every row',
    'zh-CN': '该单元格位于合并单元格 {shown} 中，读出为空；请取消合并，并填写每一行',
  },
  'judge.cell.mergedAt': {
    en: 'cell {ref} is covered by the merged cells {shown}, so it reads as empty; unmerge them and fill in every row',
    'zh-CN': '单元格 {ref} 位于合并单元格 {shown} 中，读出为空；请取消合并，并填写每一行',
  },

  // Notes: rewrites made while normalising; they start with the API field they concern.
  'judge.note.mailto': { en: 'EmailAddress: "mailto:" prefix dropped', 'zh-CN': 'EmailAddress：已去掉“mailto:”前缀' },
  'judge.note.phoneRewritten': {
    en: 'PhoneNumber: "{written}" written as "{phone}"',
    'zh-CN': 'PhoneNumber：“{written}”已改写为“{phone}”',
  },
  'judge.note.titleRewritten': {
    en: 'Title: "{written}" written as "{title}"',
    'zh-CN': 'Title：“{written}”已改写为“{title}”',
  },
  'judge.note.messageTypeRewritten': {
    en: 'MessageTypes: "{written}" written as "{type}"',
    'zh-CN': 'MessageTypes：“{written}”已改写为“{type}”',
  },
  'judge.note.messageTypeRepeated': {
    en: 'MessageTypes: "{type}" repeated; sent once',
    'zh-CN': 'MessageTypes：“{type}”重复，只提交一次',
  },
  'judge.note.memberRepeated': {
    en: 'Members: "{id}" repeated; bound once',
    'zh-CN': 'Members：“{id}”重复，只关联一次',
  },

  'judge.quota.validate': {
    en: 'no room: earlier rows take the contact limit of {limit} (validate assumes an empty directory)',
    'zh-CN': '已达联系人上限：前面的行已用完 {limit} 个联系人名额（validate 按空的资源目录计算）',
  },
  'judge.quota.import': {
    en: 'no room: the directory holds {existing} of {limit} contacts and earlier rows take the rest',
    'zh-CN': '已达联系人上限：资源目录已有 {existing} 个联系人（上限 {limit} 个），剩余名额已被前面的行占用',
  },
} as const;
