/** The run on the console: the closing summary, problem lines, progress, rows applied, status, and the error line. */
export const RUN_MESSAGES = {
  // The closing summary.
  'run.summary.sheetOf': {
    en: '{file} (sheet "{sheet}")',
    'zh-CN': '{file}（工作表“{sheet}”）',
  },
  'run.summary.input': {
    en: '{where}: {rows} rows (header on row {headerRow})',
    'zh-CN': '{where}：共 {rows} 行（表头在第 {headerRow} 行）',
  },
  'run.summary.inputBlank': {
    en: '{where}: {rows} rows (header on row {headerRow}, {blank} blank skipped)',
    'zh-CN': '{where}：共 {rows} 行（表头在第 {headerRow} 行，跳过 {blank} 个空行）',
  },
  'run.summary.inputText': {
    en: '{where}: {rows} rows (header on row {headerRow}; {encoding}, {delimiter})',
    'zh-CN': '{where}：共 {rows} 行（表头在第 {headerRow} 行；{encoding}，{delimiter}）',
  },
  'run.summary.inputBlankText': {
    en: '{where}: {rows} rows (header on row {headerRow}, {blank} blank skipped; {encoding}, {delimiter})',
    'zh-CN': '{where}：共 {rows} 行（表头在第 {headerRow} 行，跳过 {blank} 个空行；{encoding}，{delimiter}）',
  },
  'run.delimiter.comma': { en: 'comma-separated', 'zh-CN': '逗号分隔' },
  'run.delimiter.semicolon': { en: 'semicolon-separated', 'zh-CN': '分号分隔' },
  'run.delimiter.tab': { en: 'tab-separated', 'zh-CN': '制表符分隔' },
  'run.delimiter.pipe': { en: 'pipe-separated', 'zh-CN': '竖线分隔' },
  'run.delimiter.other': { en: '{delimiter}-separated', 'zh-CN': '以 {delimiter} 分隔' },
  'run.summary.directoryOnly': {
    en: { one: 'and {count} directory contact not in the sheet', other: 'and {count} directory contacts not in the sheet' },
    'zh-CN': '另有 {count} 个资源目录中的消息联系人不在表格中',
  },
  'run.summary.noDataRows': { en: 'no data rows', 'zh-CN': '没有数据行' },
  'run.summary.ignoredColumns': {
    en: 'ignored columns: {columns}',
    'zh-CN': '已忽略的列：{columns}',
  },
  'run.summary.quotaUnknown': {
    en: 'quota: unknown, the directory was not read',
    'zh-CN': '联系人上限：未知，未读取资源目录',
  },
  'run.summary.quotaAssumed': {
    en: 'quota: assuming an empty directory (validate reads none): {planned} of {limit} would fit, room for {remaining} more',
    'zh-CN': '联系人上限：按资源目录为空估算（validate 不读取资源目录）：上限 {limit} 个，可容纳 {planned} 个，还可再添加 {remaining} 个',
  },
  'run.summary.quotaDryRun': {
    en: 'quota: {existing} of {limit} contacts before the run, {planned} would be added, room for {remaining} more',
    'zh-CN': '联系人上限：运行前已有 {existing} 个（上限 {limit} 个），将添加 {planned} 个，还可再添加 {remaining} 个',
  },
  'run.summary.quotaDone': {
    en: 'quota: {existing} of {limit} contacts before the run, {added} added, room for {remaining} more',
    'zh-CN': '联系人上限：运行前已有 {existing} 个（上限 {limit} 个），已添加 {added} 个，还可再添加 {remaining} 个',
  },
  'run.summary.quotaDoneDeleted': {
    en: 'quota: {existing} of {limit} contacts before the run, {added} added, {deleted} deleted, room for {remaining} more',
    'zh-CN': '联系人上限：运行前已有 {existing} 个（上限 {limit} 个），已添加 {added} 个，已删除 {deleted} 个，还可再添加 {remaining} 个',
  },
  'run.summary.goodRow': {
    en: 'row {row} "{name}" ({status}; {codes})',
    'zh-CN': '第 {row} 行“{name}”（{status}；{codes}）',
  },
  'run.summary.goodDirectoryContact': {
    en: 'directory contact "{name}" ({status}; {codes})',
    'zh-CN': '资源目录中的联系人“{name}”（{status}；{codes}）',
  },
  'run.summary.goodWithErrors': {
    en: {
      one: 'exit code {exitCode}: {count} row ended well but carries an error: {rows}',
      other: 'exit code {exitCode}: {count} rows ended well but carry an error: {rows}',
    },
    'zh-CN': '退出码 {exitCode}：{count} 行结果正常但带有错误：{rows}',
  },
  'run.summary.goodWithErrorsMore': {
    en: {
      one: 'exit code {exitCode}: {count} row ended well but carries an error: {rows} and {more} more',
      other: 'exit code {exitCode}: {count} rows ended well but carry an error: {rows} and {more} more',
    },
    'zh-CN': '退出码 {exitCode}：{count} 行结果正常但带有错误：{rows}，另有 {more} 行',
  },
  'run.summary.report': { en: 'report: {dir}', 'zh-CN': '报告：{dir}' },
  /** Between the items of a list of values (names, codes, columns). */
  'run.list.separator': { en: ', ', 'zh-CN': '、' },

  // A row's problems.
  'run.problem.row': {
    en: 'row {row}: {code}: {message}{fix}',
    'zh-CN': '第 {row} 行：{code}：{message}{fix}',
  },
  'run.problem.directoryContact': {
    en: 'directory contact "{name}": {code}: {message}{fix}',
    'zh-CN': '资源目录中的联系人“{name}”：{code}：{message}{fix}',
  },
  'run.problem.overQuotaOne': {
    en: 'row {row} is past the contact limit (LimitExceeded.Contacts): over_quota',
    'zh-CN': '第 {row} 行超出联系人上限（LimitExceeded.Contacts）：over_quota',
  },
  'run.problem.overQuota': {
    en: '{count} valid rows from row {first} to {last} are past the contact limit (LimitExceeded.Contacts): over_quota',
    'zh-CN': '第 {first} 行至第 {last} 行共 {count} 个有效行超出联系人上限（LimitExceeded.Contacts）：over_quota',
  },
  'run.problem.more': {
    en: '… and {count} more problems in {file}',
    'zh-CN': '……另有 {count} 个问题，见 {file}',
  },

  // Progress.
  'run.progress.phase.reading': { en: 'reading', 'zh-CN': '读取' },
  'run.progress.phase.applying': { en: 'applying', 'zh-CN': '写入' },
  'run.progress.phase.reporting': { en: 'reporting', 'zh-CN': '生成报告' },
  'run.progress.line': { en: { one: '{phase}: {count} row', other: '{phase}: {count} rows' }, 'zh-CN': '{phase}：{count} 行' },
  'run.progress.lineOf': { en: '{phase}: {done} of {total} rows', 'zh-CN': '{phase}：{done}/{total} 行' },
  'run.progress.lineAt': { en: { one: '{phase}: {count} row (row {row})', other: '{phase}: {count} rows (row {row})' }, 'zh-CN': '{phase}：{count} 行（第 {row} 行）' },
  'run.progress.lineOfAt': { en: '{phase}: {done} of {total} rows (row {row})', 'zh-CN': '{phase}：{done}/{total} 行（第 {row} 行）' },
  'run.progress.barRows': { en: 'rows', 'zh-CN': '行' },
  'run.progress.barRow': { en: '· row {row}', 'zh-CN': '· 第 {row} 行' },

  // Rows applied, retries and the --verbose trace.
  'run.row.created': { en: 'row {row}: created {name} ({id})', 'zh-CN': '第 {row} 行：已创建 {name}（{id}）' },
  'run.row.updated': { en: 'row {row}: updated {name}', 'zh-CN': '第 {row} 行：已更新 {name}' },
  'run.row.updatedFields': { en: 'row {row}: updated {name} ({fields})', 'zh-CN': '第 {row} 行：已更新 {name}（{fields}）' },
  'run.row.deleted': { en: 'deleted {name} ({id})', 'zh-CN': '已删除 {name}（{id}）' },
  'run.row.notCreated': { en: 'row {row}: {name} not created: {failure}', 'zh-CN': '第 {row} 行：{name} 未创建：{failure}' },
  'run.row.notUpdated': { en: 'row {row}: {name} not updated: {failure}', 'zh-CN': '第 {row} 行：{name} 未更新：{failure}' },
  'run.row.notDeleted': { en: 'row {row}: {name} not deleted: {failure}', 'zh-CN': '第 {row} 行：{name} 未删除：{failure}' },
  'run.contact.notCreated': { en: 'directory contact: {name} not created: {failure}', 'zh-CN': '资源目录中的联系人：{name} 未创建：{failure}' },
  'run.contact.notUpdated': { en: 'directory contact: {name} not updated: {failure}', 'zh-CN': '资源目录中的联系人：{name} 未更新：{failure}' },
  'run.contact.notDeleted': { en: 'directory contact: {name} not deleted: {failure}', 'zh-CN': '资源目录中的联系人：{name} 未删除：{failure}' },
  'run.retry.wait': {
    en: '{action}: {failure}; {next} in {seconds} s',
    'zh-CN': '{action}：{failure}；{seconds} 秒后进行{next}',
  },
  'run.retry.note': { en: '{action}: {next} in {seconds} s', 'zh-CN': '{action}：{seconds} 秒后进行{next}' },
  'run.clientSaidIndented': { en: '  the client said: {detail}', 'zh-CN': '  客户端返回：{detail}' },
  'run.trace.call': {
    en: 'call {action} try {attempt}: {ended}, request {requestId}, {ms} ms',
    'zh-CN': '调用 {action} 第 {attempt} 次：{ended}，请求 {requestId}，{ms} 毫秒',
  },
  'run.trace.callContact': {
    en: 'call {action} try {attempt}: {ended}, request {requestId}, {ms} ms, contact {name}',
    'zh-CN': '调用 {action} 第 {attempt} 次：{ended}，请求 {requestId}，{ms} 毫秒，联系人 {name}',
  },
  'run.trace.noRequest': { en: '(none)', 'zh-CN': '（无）' },

  // status.
  'run.status.head': { en: '{endpoint}: {count} contacts', 'zh-CN': '{endpoint}：{count} 个消息联系人' },
  'run.status.headCounts': { en: '{endpoint}: {count} contacts ({counts})', 'zh-CN': '{endpoint}：{count} 个消息联系人（{counts}）' },
  'run.status.waiting': { en: 'waiting for: {targets}', 'zh-CN': '等待验证：{targets}' },
  'run.status.notSent': { en: 'verification to {target} not sent: {failure}', 'zh-CN': '未能向 {target} 发送验证：{failure}' },
  'run.status.sent': { en: 'verification sent to {target}', 'zh-CN': '已向 {target} 发送验证' },

  // Files and folders of ours (own-files.ts): a reason, said after a colon in the line that names the file.
  'run.file.problem': { en: '{problem} ({code})', 'zh-CN': '{problem}（{code}）' },
  'run.file.diskFull': { en: 'the disk is full', 'zh-CN': '磁盘已满' },
  'run.file.quotaUsed': { en: 'the disk quota is used up', 'zh-CN': '磁盘配额已用完' },
  'run.file.permissionDenied': { en: 'permission denied', 'zh-CN': '权限不足' },
  'run.file.readOnly': { en: 'the file system is read-only', 'zh-CN': '文件系统为只读' },
  'run.file.notDirInPath': { en: 'a part of the path is a file, not a folder', 'zh-CN': '路径中有一部分是文件而不是文件夹' },
  'run.file.nameTaken': { en: 'something else already has that name', 'zh-CN': '该名称已被其他文件或文件夹占用' },
  'run.file.symbolicLink': { en: 'it is a symbolic link', 'zh-CN': '它是符号链接' },
  'run.file.missing': { en: 'it does not exist', 'zh-CN': '它不存在' },
  'run.file.isFolder': { en: 'it is a folder', 'zh-CN': '它是文件夹' },
  'run.file.io': { en: 'input/output error', 'zh-CN': '输入/输出错误' },
  'run.file.notFolder': { en: 'it is not a folder', 'zh-CN': '它不是文件夹' },
  'run.file.otherUser': { en: 'it belongs to another user (uid {uid})', 'zh-CN': '它属于另一个用户（uid {uid}）' },
  'run.file.othersWrite': { en: 'others can write in it (mode {mode})', 'zh-CN': '其他用户可以写入它（权限 {mode}）' },

  'run.log.cannotWrite': { en: 'cannot write the log file {path}: {problem}', 'zh-CN': '无法写入日志文件 {path}：{problem}' },

  // Stop signals (interrupt.ts).
  'run.stop.interrupted': {
    en: 'interrupted (Ctrl-C): nothing more is sent; waiting up to {seconds} s for the call in flight, then writing the report (Ctrl-C again to stop waiting)',
    'zh-CN': '已中断（Ctrl-C）：不再发送新的请求；最多等待 {seconds} 秒，让进行中的调用完成，然后写入报告（再按一次 Ctrl-C 可停止等待）',
  },
  'run.stop.signal': {
    en: 'stopped by {signal}: nothing more is sent; waiting up to {seconds} s for the call in flight, then writing the report ({signal} again to stop waiting)',
    'zh-CN': '收到 {signal}，已停止：不再发送新的请求；最多等待 {seconds} 秒，让进行中的调用完成，然后写入报告（再次发送 {signal} 可停止等待）',
  },
  'run.stop.again': {
    en: '{signal} again: not waiting for the call in flight; writing the report',
    'zh-CN': '再次收到 {signal}：不再等待进行中的调用，正在写入报告',
  },

  // The commands' own lines (src/commands/).
  'run.read.debug': { en: 'read {file} as {format}, header on row {row}', 'zh-CN': '已按 {format} 读取 {file}，表头在第 {row} 行' },
  'run.plan.written': { en: 'plan written to {file}: apply it with --plan', 'zh-CN': '计划已写入 {file}：用 --plan 执行它' },
  'run.nothingWritten': { en: 'nothing was written: {reason}', 'zh-CN': '未写入任何内容：{reason}' },
  'run.dryRun.done': { en: 'dry run: nothing was written', 'zh-CN': '试运行：未写入任何内容' },
  'run.stopped': { en: 'the run stopped: {reason}', 'zh-CN': '运行已停止：{reason}' },
  'run.cannotList': {
    en: 'cannot list the directory at {where} (nothing was written): {failure}',
    'zh-CN': '无法列出 {where} 上的资源目录（未写入任何内容）：{failure}',
  },
  'run.lock.tookOver': {
    en: 'took over the lock of pid {pid} (since {startedAt}), which is no longer running',
    'zh-CN': '已接管 pid {pid} 的锁（创建于 {startedAt}），该进程已不在运行',
  },
  'run.plan.drift': {
    en: 'the directory changed since the plan was made: {changes}; make a new plan',
    'zh-CN': '制定计划之后资源目录已有变化：{changes}；请重新制定计划',
  },
  /** Between reasons or changes listed in one line (a plan's gates, what changed since a plan). */
  'run.clauseSeparator': { en: '; ', 'zh-CN': '；' },
  'run.interrupted.beforeWrite': { en: 'interrupted before the first write: nothing was sent', 'zh-CN': '在首次写入前被中断：未发送任何请求' },
  'run.interrupted.reading': { en: 'interrupted while reading the directory', 'zh-CN': '读取资源目录时被中断' },
  'run.interrupted.sending': { en: 'interrupted: nothing more was sent', 'zh-CN': '已中断：不再发送任何请求' },
  'run.directory.holds': {
    en: '{where}: the directory holds {count} of {limit} contacts',
    'zh-CN': '{where}：资源目录中已有 {count} 个消息联系人（上限 {limit} 个）',
  },
  'run.report.notSaved': { en: 'not saved in the report: {row}', 'zh-CN': '未能保存到报告中：{row}' },
  'run.report.cannotWriteStop': {
    en: 'cannot write the report in {dir}: {failure}; nothing more was sent',
    'zh-CN': '无法在 {dir} 中写入报告：{failure}；不再发送任何请求',
  },
  'run.report.cannotWriteIncomplete': {
    en: 'cannot write the report in {dir}: {failure}; it is incomplete',
    'zh-CN': '无法在 {dir} 中写入报告：{failure}；报告不完整',
  },
  'run.report.cannotWrite': { en: 'cannot write the report in {dir}: {failure}', 'zh-CN': '无法在 {dir} 中写入报告：{failure}' },
  'run.report.soFar': { en: 'report of the rows read so far: {dir}', 'zh-CN': '已读取各行的报告：{dir}' },
  'run.mapping.header': { en: '{where}: header on row {row}', 'zh-CN': '{where}：表头在第 {row} 行' },
  'run.mapping.headerText': {
    en: '{where}: header on row {row}, read as {encoding} with delimiter {delimiter}',
    'zh-CN': '{where}：表头在第 {row} 行，按 {encoding} 编码、以 {delimiter} 为分隔符读取',
  },
  'run.template.wrote': {
    en: 'wrote {file}: a blank contact sheet for the {site} site; fill it in, then: {command}',
    'zh-CN': '已写入 {file}：适用于 {site} 站点的空白联系人表格；填写后运行：{command}',
  },
  'run.export.done': {
    en: {
      one: 'exported {count} contact of {where} to {file} (readable by you only: it holds their details)',
      other: 'exported {count} contacts of {where} to {file} (readable by you only: it holds their details)',
    },
    'zh-CN': '已将 {where} 的 {count} 个消息联系人导出到 {file}（仅您本人可读：其中含有联系人的详细信息）',
  },
  'run.demo.emulator': {
    en: 'demo: emulator on {url} (directory kept in {file}; --fresh empties it)',
    'zh-CN': 'demo：模拟器运行在 {url}（资源目录保存在 {file}；加 --fresh 可清空）',
  },
  'run.emulator.memory': {
    en: 'contact limit {limit}, site {site}, state in memory; Ctrl-C to stop',
    'zh-CN': '联系人上限 {limit}，站点 {site}，状态保存在内存中；按 Ctrl-C 停止',
  },
  'run.emulator.file': {
    en: 'contact limit {limit}, site {site}, state in {file}; Ctrl-C to stop',
    'zh-CN': '联系人上限 {limit}，站点 {site}，状态保存在 {file}；按 Ctrl-C 停止',
  },
  'run.emulator.memoryFaults': {
    en: 'contact limit {limit}, site {site}, state in memory, fault rate {rate} (seed {seed}); Ctrl-C to stop',
    'zh-CN': '联系人上限 {limit}，站点 {site}，状态保存在内存中，故障率 {rate}（种子 {seed}）；按 Ctrl-C 停止',
  },
  'run.emulator.fileFaults': {
    en: 'contact limit {limit}, site {site}, state in {file}, fault rate {rate} (seed {seed}); Ctrl-C to stop',
    'zh-CN': '联系人上限 {limit}，站点 {site}，状态保存在 {file}，故障率 {rate}（种子 {seed}）；按 Ctrl-C 停止',
  },

  // What the run notes in a row of results.json and results.csv (apply.ts), and why it stopped.
  'run.apply.interrupted': {
    en: 'interrupted: the call in flight was finished, nothing more was sent',
    'zh-CN': '已中断：进行中的调用已完成，不再发送任何请求',
  },
  'run.apply.gaveUpWaiting': {
    en: 'interrupted: the run stopped waiting for the call in flight, nothing more was sent',
    'zh-CN': '已中断：不再等待进行中的调用，不再发送任何请求',
  },
  'run.apply.givenUp': {
    en: 'interrupted while its call was in flight: it may have been carried out; run the import again, which finds the contact by name',
    'zh-CN': '调用进行中时被中断：该操作可能已执行；请重新运行导入，它会按名称找到该联系人',
  },
  'run.apply.limitReached': {
    en: 'not sent: the directory answered LimitExceeded.Contacts at row {row}',
    'zh-CN': '未发送：资源目录在第 {row} 行返回了 LimitExceeded.Contacts',
  },
  'run.apply.interruptedAfterMain': {
    en: 'interrupted before its member bindings or verifications were answered: run the import again to see where they stand',
    'zh-CN': '成员绑定或验证尚未得到应答时被中断：请重新运行导入，查看它们的状态',
  },
  'run.apply.confirmedByLookup': {
    en: 'an earlier try went unanswered; a lookup found the contact, so it was not sent again',
    'zh-CN': '之前的一次尝试没有应答；查询找到了该联系人，因此没有再次发送',
  },
  'run.apply.updatedFields': { en: 'updated {fields}', 'zh-CN': '已更新 {fields}' },
  'run.apply.reverifyEmail': {
    en: 'the service verifies the new EmailAddress again: Verifying until then',
    'zh-CN': '服务会重新验证新的 EmailAddress：验证完成前状态为 Verifying（验证中）',
  },
  'run.apply.reverifyPhone': {
    en: 'the service verifies the new PhoneNumber again: Verifying until then',
    'zh-CN': '服务会重新验证新的 PhoneNumber：验证完成前状态为 Verifying（验证中）',
  },
  'run.apply.reverifyBoth': {
    en: 'the service verifies the new EmailAddress and PhoneNumber again: Verifying until then',
    'zh-CN': '服务会重新验证新的 EmailAddress 和 PhoneNumber：验证完成前状态为 Verifying（验证中）',
  },
  'run.apply.stillDeleting': {
    en: 'still Deleting when the run stopped waiting; it ends on its own',
    'zh-CN': '停止等待时仍处于 Deleting（删除中）状态；删除会自行完成',
  },
  'run.apply.memberStillHas': { en: 'member {member} still has the contact', 'zh-CN': '成员 {member} 仍在使用该联系人' },
  'run.apply.memberStillHasFor': {
    en: 'member {member} still has the contact for {types}',
    'zh-CN': '成员 {member} 仍在使用该联系人接收 {types}',
  },
  'run.apply.deletionFailed': { en: 'the deletion failed', 'zh-CN': '删除失败' },
  'run.apply.lookUpAbsent': {
    en: 'the last try went unanswered; a look-up after it found no such contact, so none was created',
    'zh-CN': '最后一次尝试没有应答；之后的查询没有找到该联系人，因此没有创建',
  },
  'run.apply.uncertain': {
    en: 'the last try went unanswered, so it may have been carried out: a rerun finds out',
    'zh-CN': '最后一次尝试没有应答，该操作可能已执行：重新运行即可确认',
  },
  'run.apply.bindInterrupted': { en: 'binding {members}: not sent, the run was interrupted', 'zh-CN': '绑定 {members}：未发送，运行已中断' },
  'run.apply.unbindInterrupted': { en: 'unbinding {members}: not sent, the run was interrupted', 'zh-CN': '解绑 {members}：未发送，运行已中断' },
  'run.apply.bindFailed': { en: 'binding {members}: {message}', 'zh-CN': '绑定 {members}：{message}' },
  'run.apply.unbindFailed': { en: 'unbinding {members}: {message}', 'zh-CN': '解绑 {members}：{message}' },
  'run.apply.bound': { en: 'bound to {members}', 'zh-CN': '已绑定到 {members}' },
  'run.apply.unbound': { en: 'unbound from {members}', 'zh-CN': '已从 {members} 解绑' },
  'run.apply.emailSent': { en: 'verification email to {target} sent', 'zh-CN': '已向 {target} 发送验证邮件' },
  'run.apply.smsSent': { en: 'verification SMS to {target} sent', 'zh-CN': '已向 {target} 发送验证短信' },
  'run.apply.emailInterrupted': {
    en: 'verification email to {target} not sent: the run was interrupted',
    'zh-CN': '未向 {target} 发送验证邮件：运行已中断',
  },
  'run.apply.smsInterrupted': {
    en: 'verification SMS to {target} not sent: the run was interrupted',
    'zh-CN': '未向 {target} 发送验证短信：运行已中断',
  },
  'run.apply.emailNotSent': { en: 'verification email to {target} not sent: {reason}', 'zh-CN': '未向 {target} 发送验证邮件：{reason}' },
  'run.apply.smsNotSent': { en: 'verification SMS to {target} not sent: {reason}', 'zh-CN': '未向 {target} 发送验证短信：{reason}' },
  'run.apply.dailyLimit': {
    en: 'the account reached its daily limit of verification messages; send it later from the console',
    'zh-CN': '该账号今天发送验证消息的次数已达上限；请稍后在控制台发送',
  },
  'run.apply.stoppedAt': { en: '{action} at {endpoint}: {failure}', 'zh-CN': '{action}（{endpoint}）：{failure}' },
  'run.apply.stopped': { en: '{action}: {failure}', 'zh-CN': '{action}：{failure}' },

  // The planner's gates and notes (plan.ts).
  'run.plan.rejected': {
    en: {
      one: '{count} row is invalid or duplicate: fix them, or use --skip-invalid to import the valid rows only',
      other: '{count} rows are invalid or duplicate: fix them, or use --skip-invalid to import the valid rows only',
    },
    'zh-CN': '有 {count} 行无效或重复：请修正，或使用 --skip-invalid 只导入有效的行',
  },
  'run.plan.noRoom': {
    en: {
      one: '{count} new contact but room for {room} (the directory holds {existing} of {limit}): raise the limit in Quota Center (then --contact-limit), or use --allow-partial to import the first {room}',
      other: '{count} new contacts but room for {room} (the directory holds {existing} of {limit}): raise the limit in Quota Center (then --contact-limit), or use --allow-partial to import the first {room}',
    },
    'zh-CN': '有 {count} 个新联系人，但只能再添加 {room} 个（资源目录中已有 {existing} 个，上限 {limit} 个）：请在配额中心提高联系人上限（再设置 --contact-limit），或使用 --allow-partial 只导入前 {room} 个',
  },
  'run.plan.pruneNoData': {
    en: {
      one: 'the sheet has no data rows, so sync --prune would delete {count} contact of the directory: check that the sheet was read as it should be (validate shows its rows)',
      other: 'the sheet has no data rows, so sync --prune would delete {count} contacts of the directory: check that the sheet was read as it should be (validate shows its rows)',
    },
    'zh-CN': '表格中没有数据行，sync --prune 将删除资源目录中的 {count} 个消息联系人：请检查表格是否被正确读取（validate 会列出读到的行）',
  },
  'run.plan.pruneNoValid': {
    en: {
      one: 'the sheet has no valid rows, so sync --prune would delete {count} contact of the directory: check that the sheet was read as it should be (validate shows its rows)',
      other: 'the sheet has no valid rows, so sync --prune would delete {count} contacts of the directory: check that the sheet was read as it should be (validate shows its rows)',
    },
    'zh-CN': '表格中没有有效的行，sync --prune 将删除资源目录中的 {count} 个消息联系人：请检查表格是否被正确读取（validate 会列出读到的行）',
  },
  'run.plan.tooManyDeletions': {
    en: {
      one: '{count} contact of the directory would be deleted, more than --max-delete {max}: check that the sheet is complete, or raise --max-delete',
      other: '{count} contacts of the directory would be deleted, more than --max-delete {max}: check that the sheet is complete, or raise --max-delete',
    },
    'zh-CN': '将删除资源目录中的 {count} 个消息联系人，超过 --max-delete {max}：请检查表格是否完整，或调大 --max-delete',
  },
  'run.plan.stoppedBeforeFirstWrite': { en: 'the run stopped before its first write ({reasons})', 'zh-CN': '运行在首次写入前停止（{reasons}）' },
  'run.plan.protected': {
    en: 'not deleted: its row {row} in the sheet is invalid or duplicate',
    'zh-CN': '未删除：它在表格中的第 {row} 行无效或重复',
  },
  'run.plan.notInSheet': { en: 'not in the sheet; --prune deletes it', 'zh-CN': '不在表格中；加 --prune 会删除它' },
  'run.plan.phoneStays': {
    en: 'the directory has phone {phone}; the API cannot remove a phone, so it stays',
    'zh-CN': '资源目录中该联系人的手机号为 {phone}；API 无法删除手机号，因此保留',
  },
  'run.plan.differs': {
    en: 'the directory\'s "{name}" differs in {fields}; left as it is',
    'zh-CN': '资源目录中的“{name}”在 {fields} 上与表格不同；保持不变',
  },
  'run.plan.notSent': { en: 'not sent: {reason}', 'zh-CN': '未发送：{reason}' },


  // A saved plan (plan-file.ts, replan.ts, saved.ts): refusals and what changed since it was made.
  'run.planFile.notAPlan': {
    en: '{name}: not a plan ({problem}); make one with import --dry-run --plan-out',
    'zh-CN': '{name}：不是计划文件（{problem}）；请用 import --dry-run --plan-out 生成',
  },
  'run.planFile.version': {
    en: '{name}: not a plan of version {expected} (version {version}); make one with import --dry-run --plan-out',
    'zh-CN': '{name}：不是版本 {expected} 的计划（版本为 {version}）；请用 import --dry-run --plan-out 生成',
  },
  'run.planFile.missingVersion': { en: 'missing', 'zh-CN': '缺失' },
  'run.planFile.theFile': { en: 'the file', 'zh-CN': '文件' },
  'run.planFile.shape': {
    en: '{name}: not a plan that can be applied: {where}: {problem}; make one with import --dry-run --plan-out',
    'zh-CN': '{name}：不是可以执行的计划：{where}：{problem}；请用 import --dry-run --plan-out 生成',
  },
  'run.planFile.shapeMore': {
    en: '{name}: not a plan that can be applied: {where}: {problem} (and {more} more); make one with import --dry-run --plan-out',
    'zh-CN': '{name}：不是可以执行的计划：{where}：{problem}（另有 {more} 处）；请用 import --dry-run --plan-out 生成',
  },
  'run.planFile.refused': { en: '{name}: {problem}', 'zh-CN': '{name}：{problem}' },
  'run.planFile.noSuchFile': { en: '{name}: no such file', 'zh-CN': '{name}：文件不存在' },
  'run.planFile.unreadable': { en: '{name}: cannot be read ({code})', 'zh-CN': '{name}：无法读取（{code}）' },
  'run.planFile.notFile': {
    en: '{name}: not a regular file; a plan is the file import --dry-run --plan-out writes',
    'zh-CN': '{name}：不是普通文件；计划是 import --dry-run --plan-out 写出的文件',
  },
  'run.planFile.tooBig': { en: '{name}: {size} bytes, more than --max-bytes {max}', 'zh-CN': '{name}：{size} 字节，超过 --max-bytes {max}' },
  'run.replan.stoppedWhenMade': {
    en: 'this plan stopped at its gates when it was made ({reasons}): there is nothing to apply',
    'zh-CN': '该计划在生成时就被检查拦下（{reasons}）：没有可执行的内容',
  },
  'run.replan.nothingSent': { en: 'nothing was sent: {reasons}', 'zh-CN': '未发送任何请求：{reasons}' },
  'run.replan.differs': {
    en: "its plan is not what its rows and snapshot plan with this command's flags ({difference}): make a new plan, or apply it with the --contact-limit, --max-delete, --skip-invalid and --allow-partial it was made with",
    'zh-CN': '按本次命令的参数，用其中的行和快照重新制定的计划与文件中的计划不同（{difference}）：请重新制定计划，或使用制定时的 --contact-limit、--max-delete、--skip-invalid 和 --allow-partial 执行',
  },
  'run.replan.order': {
    en: 'row {row} comes after row {previous}: the rows must be in sheet order, each once',
    'zh-CN': '第 {row} 行排在第 {previous} 行之后：各行必须按表格顺序排列，且每行只出现一次',
  },
  'run.replan.rowErrors': { en: 'row {row}: {errors}', 'zh-CN': '第 {row} 行：{errors}' },
  'run.replan.edited': {
    en: 'row {row}: its contact is not what its own values are judged to be (was the file edited?)',
    'zh-CN': '第 {row} 行：其中的联系人与按它自己的值判定的结果不符（文件是否被修改过？）',
  },
  'run.replan.rowDiffers': { en: 'its row {index} is {saved}, made again {fresh}', 'zh-CN': '其第 {index} 行为{saved}，重新制定后为{fresh}' },
  'run.replan.notThere': { en: 'not there', 'zh-CN': '（不存在）' },
  'run.replan.rowPlan': { en: '{action} for row {row} {name} ({status})', 'zh-CN': '第 {row} 行 {name} 的 {action}（{status}）' },
  'run.replan.contactPlan': { en: '{action} for the directory contact {name} ({status})', 'zh-CN': '资源目录中的联系人 {name} 的 {action}（{status}）' },
  'run.replan.nothing': { en: 'nothing', 'zh-CN': '无操作' },
  'run.drift.endpoint': { en: 'the plan was made for {then}, not {now}', 'zh-CN': '该计划是为 {then} 制定的，而不是 {now}' },
  'run.drift.taken': { en: '"{name}" is in the directory now ({id})', 'zh-CN': '“{name}”现在已在资源目录中（{id}）' },
  'run.drift.noRoom': {
    en: 'the directory holds {now} contacts now, {then} when planned: no room for {creates} new ones',
    'zh-CN': '资源目录中现有 {now} 个消息联系人，制定计划时为 {then} 个：容纳不下 {creates} 个新联系人',
  },
  'run.drift.gone': { en: '"{name}" ({id}) is gone', 'zh-CN': '“{name}”（{id}）已不存在' },
  'run.drift.changed': { en: '"{name}" ({id}) changed since', 'zh-CN': '“{name}”（{id}）在此之后有变化' },
} as const;
