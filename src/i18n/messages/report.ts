/**
 * The report files people open: report.html and annotated.xlsx. Status keys,
 * codes, file names and flags are parameters or stay beside the words: they
 * are the same in every language.
 */
export const REPORT_MESSAGES = {
  // The page's title, per command.
  'report.title.validate': { en: 'validate', 'zh-CN': '校验' },
  'report.title.dryRun': { en: 'import (dry run)', 'zh-CN': '导入（试运行）' },
  'report.title.import': { en: 'import', 'zh-CN': '导入' },
  'report.title.undoDryRun': { en: 'undo (dry run)', 'zh-CN': '撤销（试运行）' },
  'report.title.undo': { en: 'undo', 'zh-CN': '撤销' },
  'report.title.line': { en: '{title}: {file}', 'zh-CN': '{title}：{file}' },
  'report.title.sheet': { en: 'sheet “{sheet}”', 'zh-CN': '工作表“{sheet}”' },

  // What exit codes 0 and 1 mean, in each command's words; the other codes.
  'report.exit.validate.ok': { en: 'every row would be accepted', 'zh-CN': '所有行均可接受' },
  'report.exit.validate.rows': { en: 'some rows would not be imported as they are', 'zh-CN': '部分行按现状无法导入' },
  'report.exit.dryRun.ok': { en: 'every row would end well', 'zh-CN': '所有行均可顺利完成' },
  'report.exit.dryRun.rows': { en: 'some rows would not be imported', 'zh-CN': '部分行将无法导入' },
  'report.exit.import.ok': { en: 'every row ended well', 'zh-CN': '所有行均已顺利完成' },
  'report.exit.import.rows': { en: 'some rows were not imported', 'zh-CN': '部分行未能导入' },
  'report.exit.undoDryRun.ok': { en: 'every row would be undone or left as it is', 'zh-CN': '所有行均可撤销，或保持不变' },
  'report.exit.undoDryRun.rows': { en: 'some rows could not be undone', 'zh-CN': '部分行无法撤销' },
  'report.exit.undo.ok': {
    en: 'every row was undone, or left as it is for the reason its note gives',
    'zh-CN': '所有行均已撤销，或按备注所述原因保持不变',
  },
  'report.exit.undo.rows': { en: 'some rows could not be undone', 'zh-CN': '部分行未能撤销' },
  'report.exit.usage': { en: 'the sheet could not be read, or the command line was wrong', 'zh-CN': '无法读取表格，或命令行有误' },
  'report.exit.directory': { en: 'the directory side stopped the run', 'zh-CN': '资源目录一侧的错误中止了运行' },
  'report.exit.internal': { en: 'an internal error', 'zh-CN': '内部错误' },
  'report.exit.interrupted': { en: 'interrupted (Ctrl-C)', 'zh-CN': '已中断（Ctrl-C）' },
  'report.exit.terminated': { en: 'stopped by SIGTERM or SIGHUP', 'zh-CN': '被 SIGTERM 或 SIGHUP 终止' },
  'report.exit.unknown': { en: 'see the contract', 'zh-CN': '请参阅 docs/contract.md' },
  'report.exit.line': { en: 'exit code {code}: {meaning}', 'zh-CN': '退出码 {code}：{meaning}' },
  'report.exit.lineGoodWithErrors': {
    en: {
      one: 'exit code {code}: {meaning} ({count} row ended well but carries an error)',
      other: 'exit code {code}: {meaning} ({count} rows ended well but carry an error)',
    },
    'zh-CN': '退出码 {code}：{meaning}（另有 {count} 行已顺利完成，但带有错误）',
  },

  // The run in one sentence. The parts of a plan are a list: `{parts}` joins them with report.list.separator.
  'report.verdict.validate': { en: 'Checked, nothing sent: {valid} of {rows} rows valid.', 'zh-CN': '已校验，未发送任何内容：{rows} 行中 {valid} 行有效。' },
  'report.verdict.validateToFix': {
    en: 'Checked, nothing sent: {valid} of {rows} rows valid, {toFix} to fix or to leave out.',
    'zh-CN': '已校验，未发送任何内容：{rows} 行中 {valid} 行有效，{toFix} 行需要修改或不导入。',
  },
  'report.verdict.dryRun': { en: 'Planned, nothing written: {parts}.', 'zh-CN': '已生成计划，未写入任何内容：{parts}。' },
  'report.verdict.dryRunNothing': { en: 'Planned, nothing written.', 'zh-CN': '已生成计划，未写入任何内容。' },
  'report.verdict.written': { en: 'Written: {parts}.', 'zh-CN': '已写入：{parts}。' },
  'report.verdict.writtenNotDone': { en: 'Written: {parts}; {notDone}.', 'zh-CN': '已写入：{parts}；{notDone}。' },
  'report.verdict.nothingWritten': { en: 'Nothing written.', 'zh-CN': '未写入任何内容。' },
  'report.verdict.nothingWrittenNotDone': { en: 'Nothing written; {notDone}.', 'zh-CN': '未写入任何内容；{notDone}。' },
  'report.verdict.toAdd': { en: '{count} to add', 'zh-CN': '新增 {count} 个' },
  'report.verdict.toUpdate': { en: '{count} to update', 'zh-CN': '更新 {count} 个' },
  'report.verdict.notInSheet': { en: '{count} not in the sheet', 'zh-CN': '{count} 个不在表格中' },
  'report.verdict.added': { en: '{count} added', 'zh-CN': '新增 {count} 个' },
  'report.verdict.updated': { en: '{count} updated', 'zh-CN': '更新 {count} 个' },
  'report.verdict.deleted': { en: '{count} deleted', 'zh-CN': '删除 {count} 个' },
  'report.verdict.failed': { en: '{count} failed', 'zh-CN': '{count} 个失败' },
  'report.verdict.notAttempted': { en: '{count} not attempted', 'zh-CN': '{count} 个未尝试' },
  'report.verdict.undone': { en: 'Undone: {parts}.', 'zh-CN': '已撤销：{parts}。' },
  'report.verdict.undoneLeft': { en: 'Undone: {parts}; {left}.', 'zh-CN': '已撤销：{parts}；{left}。' },
  'report.verdict.nothingUndone': { en: 'Nothing undone.', 'zh-CN': '未撤销任何内容。' },
  'report.verdict.nothingUndoneLeft': { en: 'Nothing undone; {left}.', 'zh-CN': '未撤销任何内容；{left}。' },
  'report.verdict.toDelete': { en: '{count} to delete', 'zh-CN': '删除 {count} 个' },
  'report.verdict.toRestore': { en: '{count} to restore', 'zh-CN': '恢复 {count} 个' },
  'report.verdict.restored': { en: '{count} restored', 'zh-CN': '恢复 {count} 个' },
  'report.verdict.changedKept': { en: '{count} changed since, kept', 'zh-CN': '{count} 个此后已被修改，保持不变' },
  'report.verdict.nothingToUndo': { en: '{count} nothing to undo', 'zh-CN': '{count} 个无需撤销' },
  'report.list.separator': { en: ', ', 'zh-CN': '，' },

  // Where a problem's message would list every allowed value, it points to the legend.
  'report.allowed.titles': { en: 'the titles under “Allowed values”', 'zh-CN': '“允许的值”中列出的职位' },
  'report.allowed.messageTypes': { en: 'the message types under “Allowed values”', 'zh-CN': '“允许的值”中列出的消息类型' },
  'report.allowed.heading': { en: 'Allowed values', 'zh-CN': '允许的值' },

  // The status names, shown beside the stable key where they differ from it.
  'report.status.valid': { en: 'valid', 'zh-CN': '有效' },
  'report.status.invalid': { en: 'invalid', 'zh-CN': '无效' },
  'report.status.duplicate': { en: 'duplicate', 'zh-CN': '重复' },
  'report.status.exists': { en: 'exists', 'zh-CN': '已存在' },
  'report.status.over_quota': { en: 'over_quota', 'zh-CN': '超出联系人上限' },
  'report.status.would_create': { en: 'would_create', 'zh-CN': '将创建' },
  'report.status.created': { en: 'created', 'zh-CN': '已创建' },
  'report.status.failed': { en: 'failed', 'zh-CN': '失败' },
  'report.status.not_attempted': { en: 'not_attempted', 'zh-CN': '未尝试' },
  'report.status.would_update': { en: 'would_update', 'zh-CN': '将更新' },
  'report.status.updated': { en: 'updated', 'zh-CN': '已更新' },
  'report.status.unchanged': { en: 'unchanged', 'zh-CN': '无变化' },
  'report.status.would_delete': { en: 'would_delete', 'zh-CN': '将删除' },
  'report.status.deleted': { en: 'deleted', 'zh-CN': '已删除' },
  'report.status.kept': { en: 'kept', 'zh-CN': '保留' },
  'report.status.would_restore': { en: 'would_restore', 'zh-CN': '将恢复' },
  'report.status.restored': { en: 'restored', 'zh-CN': '已恢复' },
  'report.site.intl': { en: 'intl', 'zh-CN': '国际站' },
  'report.site.cn': { en: 'cn', 'zh-CN': '中国站' },

  // The counts panel.
  'report.counts.rows': { en: '{rows} rows', 'zh-CN': '共 {rows} 行' },
  'report.counts.rowsAndDirectoryOnly': {
    en: '{rows} rows and {directoryOnly} directory contacts not in the sheet',
    'zh-CN': '共 {rows} 行，另有 {directoryOnly} 个资源目录中的联系人不在表格中',
  },
  'report.counts.none': { en: 'No data rows.', 'zh-CN': '没有数据行。' },

  // The directory panel.
  'report.directory.heading': { en: 'Directory', 'zh-CN': '资源目录' },
  'report.directory.endpoint': { en: 'endpoint', 'zh-CN': '服务地址' },
  'report.directory.noEndpoint': { en: 'none: nothing was sent', 'zh-CN': '无：未发送任何内容' },
  'report.directory.site': { en: 'site', 'zh-CN': '站点' },
  'report.quota.unknown': { en: 'quota: unknown: the directory was not read', 'zh-CN': '联系人上限：未知，未读取资源目录' },
  'report.quota.assumed': { en: 'quota: assumed empty: validate reads no directory', 'zh-CN': '联系人上限：按资源目录为空计算，校验不读取资源目录' },
  'report.quota.limit': { en: 'contact limit', 'zh-CN': '联系人上限' },
  'report.quota.existing': { en: 'in the directory before', 'zh-CN': '运行前资源目录中已有' },
  'report.quota.wouldFit': { en: 'would fit', 'zh-CN': '可容纳' },
  'report.quota.wouldBeAdded': { en: 'would be added', 'zh-CN': '将新增' },
  'report.quota.planned': { en: 'planned', 'zh-CN': '计划新增' },
  'report.quota.remaining': { en: 'room left after', 'zh-CN': '运行后剩余名额' },

  // The input panel.
  'report.input.heading': { en: 'Input', 'zh-CN': '输入' },
  'report.input.file': { en: 'file', 'zh-CN': '文件' },
  'report.input.sheet': { en: 'sheet', 'zh-CN': '工作表' },
  'report.input.encoding': { en: 'encoding', 'zh-CN': '编码' },
  'report.input.delimiter': { en: 'delimiter', 'zh-CN': '分隔符' },
  'report.input.headerRow': { en: 'header row', 'zh-CN': '表头所在行' },
  'report.input.blankRows': { en: 'blank rows skipped', 'zh-CN': '跳过的空行' },
  'report.input.ignoredColumns': { en: 'ignored columns', 'zh-CN': '忽略的列' },
  'report.input.run': { en: 'run', 'zh-CN': '运行时间' },

  // The files beside the page.
  'report.files.label': { en: 'files of this report', 'zh-CN': '本报告的文件' },
  'report.files.csv': { en: 'every row, for a spreadsheet', 'zh-CN': '所有行，供电子表格使用' },
  'report.files.json': { en: 'every row, for a program', 'zh-CN': '所有行，供程序读取' },
  'report.files.annotated': { en: 'the sheet with its problems marked', 'zh-CN': '标出了问题的表格' },
  'report.files.fixedCopy': { en: 'the corrected copy', 'zh-CN': '修正后的副本' },
  'report.files.suggestFixed': { en: '{command} writes a copy with the obvious fixes applied', 'zh-CN': '{command} 可写出一份已做明显修正的副本' },

  // The rows.
  'report.rows.heading': { en: 'Rows, problems first', 'zh-CN': '各行（有问题的在前）' },
  'report.rows.filter': { en: 'filter by status', 'zh-CN': '按状态筛选' },
  'report.rows.shown': { en: '{count} rows shown', 'zh-CN': '显示 {count} 行' },
  'report.rows.shownOmitted': { en: '{count} rows shown; {omitted} more are in results.csv', 'zh-CN': '显示 {count} 行；另有 {omitted} 行见 results.csv' },
  'report.column.row': { en: 'row', 'zh-CN': '行' },
  'report.column.status': { en: 'status', 'zh-CN': '状态' },
  'report.column.name': { en: 'name', 'zh-CN': '姓名' },
  'report.column.email': { en: 'email', 'zh-CN': '邮箱' },
  'report.column.problems': { en: 'problems', 'zh-CN': '问题' },
  'report.column.notes': { en: 'notes', 'zh-CN': '备注' },
  'report.column.contact': { en: 'contact', 'zh-CN': '联系人' },
  'report.row.fix': { en: 'fix: {value}', 'zh-CN': '修正为：{value}' },
  'report.row.guess': { en: 'did you mean: {value}', 'zh-CN': '是否应为：{value}' },
  'report.row.request': { en: 'request {requestId}', 'zh-CN': '请求 {requestId}' },
  'report.row.tries': { en: '{count} tries', 'zh-CN': '尝试 {count} 次' },
  'report.footer': {
    en: 'contact-import · the same rows are in results.json and results.csv beside this file',
    'zh-CN': 'contact-import · 同一文件夹中的 results.json 和 results.csv 包含相同的行',
  },

  // annotated.xlsx: the two columns added and a problem's comment.
  'report.annotated.status': { en: 'Status', 'zh-CN': '状态' },
  'report.annotated.problems': { en: 'Problems', 'zh-CN': '问题' },
  'report.annotated.problem': { en: '{code}: {message}', 'zh-CN': '{code}：{message}' },
  'report.annotated.problemFix': { en: '{code}: {message} (fix: "{value}")', 'zh-CN': '{code}：{message}（修正为：“{value}”）' },
  'report.annotated.problemGuess': { en: '{code}: {message} (did you mean "{value}"?)', 'zh-CN': '{code}：{message}（是否应为“{value}”？）' },
  'report.annotated.note': { en: '{code}\n{message}', 'zh-CN': '{code}\n{message}' },
  'report.annotated.noteFix': { en: '{code}\n{message} (fix: "{value}")', 'zh-CN': '{code}\n{message}（修正为：“{value}”）' },
  'report.annotated.noteGuess': { en: '{code}\n{message} (did you mean "{value}"?)', 'zh-CN': '{code}\n{message}（是否应为“{value}”？）' },

  // The report folder (--report-dir). A reason (`{reason}`) is a clause said by the module that found it.
  'report.dir.cannotCreate': { en: 'cannot create the report folder {dir}: {reason}', 'zh-CN': '无法创建报告文件夹 {dir}：{reason}' },
  'report.dir.refused': {
    en: '--report-dir {dir}: {reason}; name a new folder, or an earlier report of contact-import to replace',
    'zh-CN': '--report-dir {dir}：{reason}；请指定一个新文件夹，或 contact-import 之前生成、可以替换的报告文件夹',
  },
  'report.dir.cannotRemove': { en: 'cannot remove the earlier report: {reason}', 'zh-CN': '无法删除之前的报告：{reason}' },
  'report.dir.holdsOther': { en: 'it holds {name}, which no report of contact-import has', 'zh-CN': '其中有 {name}，这不是 contact-import 报告中的文件' },
  'report.dir.symbolicLink': { en: '{name} in it is a symbolic link', 'zh-CN': '其中的 {name} 是符号链接' },
  'report.dir.notRegularFile': { en: '{name} in it is not a regular file', 'zh-CN': '其中的 {name} 不是普通文件' },
  'report.dir.missingFile': { en: 'it has no {file}', 'zh-CN': '其中没有 {file}' },
  'report.dir.notOurResults': { en: 'its {file} was not written by contact-import', 'zh-CN': '其中的 {file} 不是 contact-import 写的' },
  'report.dir.cannotWrite': { en: 'cannot write the report in {dir}: {reason}', 'zh-CN': '无法在 {dir} 中写入报告：{reason}' },

  // annotated.xlsx left out (writer.ts): on --verbose when there is nothing to mark, else a warning.
  'report.annotated.nothingToMark': { en: 'annotated.xlsx not written: no row has a problem to mark', 'zh-CN': '未写入 annotated.xlsx：没有需要标注问题的行' },
  'report.annotated.tooManyRows': {
    en: 'annotated.xlsx not written: more than {max} rows; results.csv has every row',
    'zh-CN': '未写入 annotated.xlsx：超过 {max} 行；所有行都在 results.csv 中',
  },
  'report.annotated.notWritten': {
    en: 'annotated.xlsx not written: {reason}; results.csv has every row',
    'zh-CN': '未写入 annotated.xlsx：{reason}；所有行都在 results.csv 中',
  },
  'report.annotated.cannotWrite': { en: 'it could not be written: {reason}', 'zh-CN': '无法写入：{reason}' },

  // Copies of the sheet: annotated.xlsx and `validate --write-fixed`.
  'report.copy.notSafe': { en: '{file} is not safe to load whole to copy it ({reason})', 'zh-CN': '{file} 不能安全地整体载入以制作副本（{reason}）' },
  'report.copy.notLoaded': { en: '{file} could not be loaded whole to copy it ({reason})', 'zh-CN': '无法整体载入 {file} 以制作副本（{reason}）' },
  'report.copy.noSheet': { en: 'sheet "{sheet}" could not be loaded from {file} to copy it', 'zh-CN': '无法从 {file} 载入工作表“{sheet}”以制作副本' },
  'report.fixed.isTheSheet': {
    en: '--write-fixed {file}: that is the sheet itself; name a new file, the original is never changed',
    'zh-CN': '--write-fixed {file}：这就是表格本身；请指定一个新文件，原表格不会被修改',
  },
  'report.fixed.notCsv': { en: '--write-fixed {file}: the copy is a CSV, like the sheet; name it *.csv', 'zh-CN': '--write-fixed {file}：副本与表格一样是 CSV 文件，请以 .csv 结尾命名' },
  'report.fixed.notXlsx': {
    en: '--write-fixed {file}: the copy is an XLSX workbook, like the sheet; name it *.xlsx',
    'zh-CN': '--write-fixed {file}：副本与表格一样是 XLSX 工作簿，请以 .xlsx 结尾命名',
  },
  'report.fixed.noFolder': {
    en: '--write-fixed {file}: there is no folder {folder} to write it in; nothing was written',
    'zh-CN': '--write-fixed {file}：文件夹 {folder} 不存在，无法写入；未写入任何内容',
  },
  'report.fixed.notSafe': { en: '--write-fixed {file}: {reason}; nothing was written', 'zh-CN': '--write-fixed {file}：{reason}；未写入任何内容' },
  'report.fixed.header': { en: 'Fixed by contact-import', 'zh-CN': 'contact-import 所做的修正' },
  'report.fixed.cell': { en: '{column}: "{from}" → "{to}"', 'zh-CN': '{column}：“{from}” → “{to}”' },
  'report.fixed.separator': { en: '; ', 'zh-CN': '；' },
  'report.fixed.line': {
    en: { one: 'fixed copy: {count} cell in {rows} rows fixed: {file}', other: 'fixed copy: {count} cells in {rows} rows fixed: {file}' },
    'zh-CN': '修正后的副本：已修正 {rows} 行中的 {count} 个单元格：{file}',
  },
  'report.fixed.lineOneRow': {
    en: { one: 'fixed copy: {count} cell in {rows} row fixed: {file}', other: 'fixed copy: {count} cells in {rows} row fixed: {file}' },
    'zh-CN': '修正后的副本：已修正 {rows} 行中的 {count} 个单元格：{file}',
  },

  // A problem's suggestion, after its message (results.csv, the console): Chinese needs no space before its brackets.
  'report.suggestion.fix': { en: ' (fix: "{value}")', 'zh-CN': '（修正为：“{value}”）' },
  'report.suggestion.guess': { en: ' (did you mean "{value}"?)', 'zh-CN': '（是否应为“{value}”？）' },
} as const;
