/** `undo`: reading a report back, the plan that reverses it, its gates and notes. */
export const UNDO_MESSAGES = {
  'undo.describe': {
    en: 'reverse an import from its report folder: delete what it created, put back what it updated, add again what it deleted',
    'zh-CN': '根据导入的报告文件夹撤销该次导入：删除它创建的消息联系人，恢复它更新的字段，重新添加它删除的消息联系人',
  },
  'undo.option.reportDir': {
    en: 'the report folder of the import to undo',
    'zh-CN': '要撤销的导入的报告文件夹',
  },
  'undo.option.dryRun': {
    en: 'plan only: read the directory, write nothing, report would_delete and would_restore',
    'zh-CN': '仅生成计划：读取资源目录，不写入任何内容，报告 would_delete 和 would_restore',
  },
  'undo.option.maxDelete': {
    en: 'stop, writing nothing, if more contacts than this would be deleted',
    'zh-CN': '若将删除的消息联系人多于此数，则停止且不写入任何内容',
  },
  'undo.option.sendVerification': {
    en: 'send verification messages to the contacts added again',
    'zh-CN': '向重新添加的消息联系人发送验证消息',
  },
  'undo.option.outReport': {
    en: "folder for undo's own report (default: reports/<yyyymmdd-hhmmss>-undo-<folder name>/)",
    'zh-CN': '撤销自身报告的文件夹（默认：reports/<yyyymmdd-hhmmss>-undo-<文件夹名>/）',
  },
  'undo.example.dryRun': {
    en: 'see what undoing that run would do, write nothing',
    'zh-CN': '查看撤销该次运行将做什么，不写入任何内容',
  },
  'undo.example.run': {
    en: 'undo it: at most 3 deletions unless --max-delete says more',
    'zh-CN': '执行撤销：除非 --max-delete 另行指定，最多删除 3 个',
  },
  'undo.missingDir': {
    en: 'name the report folder to undo: contact-import undo REPORT-DIR',
    'zh-CN': '请指定要撤销的报告文件夹：contact-import undo REPORT-DIR',
  },
  'undo.refuse.notAReport': {
    en: '{path} is not a report folder of contact-import: {why}',
    'zh-CN': '{path} 不是 contact-import 的报告文件夹：{why}',
  },
  'undo.refuse.unreadable': {
    en: 'cannot read the report {path}: {why}',
    'zh-CN': '无法读取报告 {path}：{why}',
  },
  'undo.refuse.tooLarge': {
    en: '{file} is larger than {limit} bytes',
    'zh-CN': '{file} 大于 {limit} 字节',
  },
  'undo.refuse.invalid': {
    en: '{path}: its {file} is not as contact-import writes it ({why}); nothing was sent',
    'zh-CN': '{path}：其中的 {file} 与 contact-import 写入的格式不符（{why}），未发送任何请求',
  },
  'undo.refuse.sameFolder': {
    en: '--report-dir {path} is the report to undo: name another folder for the report of the undo',
    'zh-CN': '--report-dir {path} 就是要撤销的报告：请为撤销的报告指定另一个文件夹',
  },
  'undo.refuse.validate': {
    en: '{path} is the report of a validate run, which wrote nothing: there is nothing to undo',
    'zh-CN': '{path} 是 validate 的报告，该次运行未写入任何内容，无可撤销',
  },
  'undo.refuse.dryRun': {
    en: '{path} is the report of a dry run, which wrote nothing: there is nothing to undo',
    'zh-CN': '{path} 是试运行（dry run）的报告，该次运行未写入任何内容，无可撤销',
  },
  'undo.refuse.noDirectory': {
    en: '{path} does not record which directory it wrote to (made by an earlier version): it cannot be undone safely',
    'zh-CN': '{path} 未记录其写入的资源目录（由较早版本生成），无法安全撤销',
  },
  'undo.refuse.otherEndpoint': {
    en: '{path} is the report of a run on {theirs}, not {ours}: undo it against the directory it wrote to (--endpoint)',
    'zh-CN': '{path} 是在 {theirs} 上运行的报告，而不是 {ours}：请针对其写入的资源目录撤销（--endpoint）',
  },
  'undo.refuse.otherCredentials': {
    en: '{path} is the report of a run with other credentials: undo it with the AccessKey or --profile that run used',
    'zh-CN': '{path} 是使用其他凭证运行的报告：请使用该次运行所用的 AccessKey 或 --profile 撤销',
  },
  'undo.note.gone': {
    en: 'no longer in the directory: nothing to undo',
    'zh-CN': '已不在资源目录中，无需撤销',
  },
  'undo.note.asBefore': {
    en: 'already as it was before the run',
    'zh-CN': '已与该次运行之前相同',
  },
  'undo.note.changed': {
    en: 'changed since the run ({fields}): left as it is',
    'zh-CN': '该次运行之后已被修改（{fields}），保持不变',
  },
  'undo.note.nameTaken': {
    en: 'a contact named "{name}" is in the directory again, differing from the one deleted in {fields}: left as it is',
    'zh-CN': '资源目录中已有名为“{name}”的消息联系人，与被删除的消息联系人在 {fields} 上不同，保持不变',
  },
  'undo.note.unrecorded': {
    en: 'the report does not record its values before and after the run (made by an earlier version): left as it is',
    'zh-CN': '报告未记录该消息联系人在运行前后的值（由较早版本生成），保持不变',
  },
  'undo.note.delete': {
    en: 'created by the run: deleted',
    'zh-CN': '由该次运行创建，已删除',
  },
  'undo.note.restore': {
    en: 'put back as before the run: {fields}',
    'zh-CN': '已恢复为运行之前的值：{fields}',
  },
  'undo.note.readd': {
    en: 'deleted by the run: added again as it was, with a new ContactId; its email and phone must be verified again (--send-verification, or the console), and its members are bound again',
    'zh-CN': '由该次运行删除：已按原值重新添加，ContactId 为新值；其邮箱和手机号需重新验证（--send-verification 或控制台），其成员已重新绑定',
  },
  'undo.note.phoneStays': {
    en: 'the run gave it a phone; the API cannot remove a phone, so it stays',
    'zh-CN': '该次运行为其添加了手机号；API 无法删除手机号，因此保留',
  },
  'undo.gate.maxDelete': {
    en: {
      one: '{count} contact would be deleted, more than --max-delete {max}: raise --max-delete to undo the run',
      other: '{count} contacts would be deleted, more than --max-delete {max}: raise --max-delete to undo the run',
    },
    'zh-CN': '将删除 {count} 个消息联系人，多于 --max-delete {max}：请调大 --max-delete 以撤销该次运行',
  },
  'undo.gate.quota': {
    en: {
      one: '{count} contact to add again but room for {room} (the directory holds {existing} of {limit}): make room, or raise the limit in Quota Center (then --contact-limit)',
      other: '{count} contacts to add again but room for {room} (the directory holds {existing} of {limit}): make room, or raise the limit in Quota Center (then --contact-limit)',
    },
    'zh-CN': '需重新添加 {count} 个消息联系人，但仅剩 {room} 个名额（资源目录已有 {existing} 个，上限 {limit}）：请腾出名额，或在配额中心提高上限（然后使用 --contact-limit）',
  },
  'undo.summary.rows': {
    en: { one: '{path}: {count} row written by that run', other: '{path}: {count} rows written by that run' },
    'zh-CN': '{path}：该次运行写入的 {count} 行',
  },
  'undo.planned': {
    en: 'undoing {path}: the run of {startedAt}',
    'zh-CN': '正在撤销 {path}：{startedAt} 的运行',
  },
} as const;
