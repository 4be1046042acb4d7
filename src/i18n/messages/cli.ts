/** The command line: usage, help texts, flags and their refusals. */
export const CLI_MESSAGES = {
  'cli.lang.describe': {
    en: 'language of messages, reports and help: en or zh-CN (default: from LC_ALL, LC_MESSAGES or LANG)',
    'zh-CN': '消息、报告和帮助的语言：en 或 zh-CN（默认取自 LC_ALL、LC_MESSAGES 或 LANG）',
  },
  'cli.lang.unknown': {
    en: '--lang {value}: unknown language; use en or zh-CN',
    'zh-CN': '--lang {value}：不支持的语言，请使用 en 或 zh-CN',
  },

  // The program
  // $0 is yargs' placeholder for the program's name.
  'cli.usage': {
    en: '$0 <command> [options]\n\nImport contacts from CSV/XLSX sheets into the message contacts of an Alibaba Cloud Resource Directory.',
    'zh-CN': '$0 <命令> [选项]\n\n将 CSV/XLSX 表格中的联系人导入阿里云资源目录的消息联系人。',
  },
  'cli.demandCommand': { en: 'name a command: {commands}', 'zh-CN': '请指定一个命令：{commands}' },

  // Flags every command takes
  'cli.option.verbose': { en: 'debug output, stack traces on errors', 'zh-CN': '输出调试信息，出错时显示调用栈' },
  'cli.option.quiet': { en: 'errors only', 'zh-CN': '只输出错误' },
  'cli.option.json': { en: 'print the summary as JSON on stdout, nothing else there', 'zh-CN': '在标准输出上只打印 JSON 格式的汇总' },
  'cli.option.showPii': {
    en: 'show emails and phones in full on the console and in log.jsonl (masked by default; the report files always have them)',
    'zh-CN': '在控制台和 log.jsonl 中显示完整的邮箱和手机号（默认打码；报告文件中始终是完整的）',
  },

  // Flags of the commands that read a sheet
  'cli.option.file': {
    en: 'the sheet: a .xlsx or .csv file (after -- if its name starts with -)',
    'zh-CN': '表格：.xlsx 或 .csv 文件（文件名以 - 开头时放在 -- 之后）',
  },
  'cli.option.sheet': {
    en: 'XLSX worksheet: its name or 1-based position (default: the first with a header row)',
    'zh-CN': 'XLSX 工作表：名称或从 1 开始的序号（默认：第一个有表头行的工作表）',
  },
  'cli.option.encoding': {
    en: 'CSV text encoding: utf-8, utf-16le, gb18030 (GBK), big5, windows-1252… (default: detected)',
    'zh-CN': 'CSV 文本编码：utf-8、utf-16le、gb18030（GBK）、big5、windows-1252…（默认：自动识别）',
  },
  'cli.option.delimiter': {
    en: 'CSV field delimiter: , ; | or tab (default: sniffed from the header line)',
    'zh-CN': 'CSV 字段分隔符：, ; | 或 tab（默认：根据表头行判断）',
  },
  'cli.option.map': {
    en: 'mapping file: which header means which field (see README; validate --print-mapping writes one)',
    'zh-CN': '映射文件：哪个表头对应哪个字段（见 README；validate --print-mapping 可生成）',
  },
  'cli.option.maxBytes': {
    en: 'refuse sheets larger than this (XLSX: unpacking to 20 times this)',
    'zh-CN': '拒绝大于此大小的表格（XLSX：解压后不超过其 20 倍）',
  },
  'cli.option.maxRows': { en: 'refuse sheets with more data rows than this', 'zh-CN': '拒绝数据行数多于此值的表格' },
  'cli.option.site.sheet': {
    en: 'intl: names are letters only; cn: Chinese characters allowed too',
    'zh-CN': 'intl（国际站）：名称只能用字母；cn（中国站）：也可以用汉字',
  },
  'cli.option.contactLimit.sheet': {
    en: 'contacts a resource directory may hold ({limit} unless raised in Quota Center)',
    'zh-CN': '资源目录的联系人上限（默认 {limit}，可在配额中心提升）',
  },
  'cli.option.reportDir.sheet': {
    en: 'folder for the report (default: reports/<yyyymmdd-hhmmss>-<sheet name>/)',
    'zh-CN': '报告所在的文件夹（默认：reports/<yyyymmdd-hhmmss>-<表格名>/）',
  },

  // Flags of the commands that call the directory
  'cli.option.endpoint': {
    en: 'HOST[:PORT] (https) or http://HOST:PORT (default: resourcedirectory-intl.aliyuncs.com, or resourcedirectory.aliyuncs.com with --site cn)',
    'zh-CN': 'HOST[:PORT]（https）或 http://HOST:PORT（默认：resourcedirectory-intl.aliyuncs.com；--site cn 时为 resourcedirectory.aliyuncs.com）',
  },
  'cli.option.profile': {
    en: 'credentials profile of ~/.aliyun/config.json or ~/.alibabacloud/credentials; beats AccessKeys in the environment, never falls through to other sources',
    'zh-CN': '~/.aliyun/config.json 或 ~/.alibabacloud/credentials 中的凭证配置名；优先于环境变量中的 AccessKey，找不到时不会改用其他来源',
  },
  'cli.option.timeout': {
    en: 'seconds to wait for one API call ({min}–{max})',
    'zh-CN': '单次 API 调用的等待秒数（{min}–{max}）',
  },
  'cli.option.maxTries': {
    en: 'tries per call for throttling, 5xx, timeouts and dropped connections ({min}–{max})',
    'zh-CN': '遇到限流、5xx、超时或连接中断时，每次调用最多尝试的次数（{min}–{max}）',
  },
  'cli.option.lockDir': {
    en: 'folder of the lock files that keep two runs off one directory, yours alone (default: $XDG_RUNTIME_DIR/contact-import or ~/.cache/contact-import/locks)',
    'zh-CN': '锁文件所在的文件夹，防止两次运行同时操作同一个资源目录，只供你本人使用（默认：$XDG_RUNTIME_DIR/contact-import 或 ~/.cache/contact-import/locks）',
  },
  'cli.option.breakLock': {
    en: "remove the lock of a run that is over (another host's, say), print whose it was, and go on",
    'zh-CN': '删除已结束的运行（例如另一台主机上的）留下的锁，打印锁的归属，然后继续',
  },

  // validate
  'cli.command.validate': {
    en: 'check a sheet offline: every row judged as the API would, duplicates and the contact limit; writes a report',
    'zh-CN': '离线检查表格：按 API 的规则检查每一行，并检查重复和联系人上限；生成报告',
  },
  'cli.option.printMapping': {
    en: 'print which column is read as which field (a mapping file, for --map) and stop',
    'zh-CN': '打印每一列被读作哪个字段（即供 --map 使用的映射文件），然后结束',
  },
  'cli.option.writeFixed': {
    en: 'write a copy of the sheet with the unambiguous fixes applied, and a column saying what changed',
    'zh-CN': '另存一份表格副本，应用明确无歧义的修正，并增加一列说明改了什么',
  },
  'cli.example.validate.first': { en: 'check the first sheet with a header row', 'zh-CN': '检查第一个有表头行的工作表' },
  'cli.example.validate.cn': { en: 'allow Chinese names, report into out/', 'zh-CN': '允许中文名称，报告写入 out/' },
  'cli.example.validate.mapping': {
    en: 'save the column mapping to edit; then: --map mapping.json',
    'zh-CN': '保存列映射以便修改；之后使用 --map mapping.json',
  },
  'cli.example.validate.fixed': { en: 'a corrected copy to check and import', 'zh-CN': '生成修正后的副本，检查后再导入' },
  'cli.validate.noSheet': {
    en: 'name the sheet to check: contact-import validate FILE (or - for standard input)',
    'zh-CN': '请指定要检查的表格：contact-import validate FILE（或用 - 表示标准输入）',
  },
  'cli.sheet.emptyName': {
    en: 'an empty name is no sheet: name a file, or - for standard input',
    'zh-CN': '文件名为空：请指定一个文件，或用 - 表示标准输入',
  },

  // import
  'cli.command.import': {
    en: 'import a sheet into the directory: plan against what is there, check the quota, then add contacts one call at a time',
    'zh-CN': '将表格导入资源目录：先对照现有联系人制定计划，检查配额，再逐个调用 API 添加联系人',
  },
  'cli.option.planOut': {
    en: 'with --dry-run: save the plan to this file, to apply later with --plan',
    'zh-CN': '与 --dry-run 一起使用：将计划保存到此文件，之后用 --plan 执行',
  },
  'cli.option.plan': {
    en: "apply a plan saved by --plan-out instead of reading a sheet: its rows judged again, this command's gates run again, refused if the directory changed since",
    'zh-CN': '执行 --plan-out 保存的计划，而不读取表格：重新检查计划中的行和本命令的各项限制；资源目录在此之后有变化时拒绝执行',
  },
  'cli.option.dryRun': {
    en: 'plan only: read the directory, write nothing, report would_create',
    'zh-CN': '试运行：只读取资源目录，不做任何写入，报告中标为 would_create',
  },
  'cli.option.skipInvalid': {
    en: 'import the valid rows even if others are invalid or duplicate',
    'zh-CN': '即使有无效或重复的行，也导入有效的行',
  },
  'cli.option.allowPartial': {
    en: 'if the quota is too small, import the first rows that fit',
    'zh-CN': '配额不足时，导入配额内能容纳的前几行',
  },
  'cli.option.sendVerification': {
    en: 'send verification messages to the new contacts',
    'zh-CN': '向新联系人发送验证消息',
  },
  'cli.option.mode': {
    en: 'create: add new names only; upsert: also update contacts that differ; sync: upsert, and list (with --prune delete) contacts not in the sheet',
    'zh-CN': 'create：只添加新的名称；upsert：同时更新有差异的联系人；sync：在 upsert 的基础上列出（加 --prune 时删除）表格中没有的联系人',
  },
  'cli.option.prune': {
    en: 'sync: delete contacts that are not in the sheet, and unbind members it does not list',
    'zh-CN': '同步时删除表格中没有的联系人，并解除表格未列出的成员绑定',
  },
  'cli.option.maxDelete': {
    en: 'sync --prune: stop, writing nothing, if more contacts than this would be deleted',
    'zh-CN': 'sync --prune：将删除的联系人多于此数时停止，不做任何写入',
  },
  'cli.option.retainInMembers': {
    en: 'deleted contacts stay with the members that have them (--no-retain-in-members removes them there too)',
    'zh-CN': '删除的联系人仍保留在已绑定的成员上（--no-retain-in-members 会一并从成员上移除）',
  },
  'cli.example.import.dryRun': { en: 'see what would be created, write nothing', 'zh-CN': '查看将创建哪些联系人，不做任何写入' },
  'cli.example.import.profile': {
    en: 'import the valid rows with the credentials of profile "prod"',
    'zh-CN': '使用配置 "prod" 的凭证导入有效的行',
  },
  'cli.example.import.emulator': { en: 'rehearse against a local emulator', 'zh-CN': '在本地模拟器上演练' },
  'cli.example.import.sync': {
    en: 'a scheduled sync: update, add, and delete what left the sheet (at most 3)',
    'zh-CN': '定时同步：更新、添加，并删除已从表格中移除的联系人（最多 3 个）',
  },
  'cli.example.import.planOut': {
    en: 'save a plan for review; then: contact-import import --plan plan.json',
    'zh-CN': '保存计划以供审阅；之后执行 contact-import import --plan plan.json',
  },
  'cli.import.sheetOrPlan': { en: 'name a sheet, or give --plan FILE (not both)', 'zh-CN': '请指定一个表格，或使用 --plan FILE（二者只能选一）' },
  'cli.import.planOutNeedsDryRun': {
    en: '--plan-out goes with --dry-run: the plan is saved instead of applied',
    'zh-CN': '--plan-out 须与 --dry-run 一起使用：计划只保存，不执行',
  },
  'cli.import.breakLockDryRun': {
    en: '--break-lock goes with a run that takes the lock, not --dry-run',
    'zh-CN': '--break-lock 只用于需要加锁的运行，不能与 --dry-run 一起使用',
  },
  'cli.import.pruneNeedsSync': {
    en: '--prune goes with --mode sync (it deletes what the sheet does not list), not --mode {mode}',
    'zh-CN': '--prune 须与 --mode sync 一起使用（它会删除表格中没有的联系人），不能用于 --mode {mode}',
  },

  // status
  'cli.command.status': {
    en: "list the directory's contacts with their status and the addresses waiting for verification",
    'zh-CN': '列出资源目录中的联系人及其状态，以及等待验证的地址',
  },
  'cli.option.site.endpoint': { en: 'the site: its default endpoint', 'zh-CN': '站点：决定默认的服务地址' },
  'cli.option.resend': {
    en: 'send the pending verifications again (within the daily limit)',
    'zh-CN': '重新发送待验证的消息（不超过每日上限）',
  },
  'cli.example.status.plain': { en: 'who is still Verifying, and for which address', 'zh-CN': '查看哪些联系人仍在验证中，以及待验证的地址' },
  'cli.example.status.resend': {
    en: 'send the verifications again; the result as JSON on stdout',
    'zh-CN': '重新发送验证消息；结果以 JSON 输出到标准输出',
  },
  'cli.status.breakLockNeedsResend': {
    en: '--break-lock goes with --resend, the one status run that takes the lock',
    'zh-CN': '--break-lock 须与 --resend 一起使用，这是 status 中唯一需要加锁的运行',
  },

  // demo
  'cli.command.demo': {
    en: 'start the emulator in this process and import fixtures/contacts.xlsx into it',
    'zh-CN': '在本进程中启动模拟器，并将 fixtures/contacts.xlsx 导入其中',
  },
  'cli.option.fresh': { en: 'start from an empty demo directory', 'zh-CN': '从空的演示资源目录开始' },
  'cli.option.reportDir.demo': {
    en: 'folder for the report (default: reports/<yyyymmdd-hhmmss>-contacts/)',
    'zh-CN': '报告所在的文件夹（默认：reports/<yyyymmdd-hhmmss>-contacts/）',
  },
  'cli.example.demo': {
    en: 'the first run creates the contacts; a second finds them all (exists)',
    'zh-CN': '第一次运行会创建联系人；第二次运行会发现它们都已存在（exists）',
  },

  // emulator
  'cli.command.emulator': {
    en: 'run the local Resource Directory emulator (the twelve message-contact operations, signatures checked)',
    'zh-CN': '运行本地资源目录模拟器（提供 12 个消息联系人接口，并校验签名）',
  },
  'cli.option.port': { en: 'port to listen on; 0 picks a free one', 'zh-CN': '监听的端口；0 表示自动选择空闲端口' },
  'cli.option.host': { en: 'address to listen on', 'zh-CN': '监听的地址' },
  'cli.option.contactLimit.emulator': { en: 'contacts the emulated directory may hold', 'zh-CN': '模拟的资源目录的联系人上限' },
  'cli.option.site.emulator': { en: 'cn also accepts Chinese-character names', 'zh-CN': 'cn（中国站）也接受汉字名称' },
  'cli.option.state': { en: 'keep the directory in this JSON file across restarts', 'zh-CN': '将资源目录保存在此 JSON 文件中，重启后保留' },
  'cli.option.latency': { en: 'milliseconds added to every API call', 'zh-CN': '每次 API 调用增加的延迟毫秒数' },
  'cli.option.faultRate': {
    en: 'probability (0–1) that a call fails: Throttling.User, 503, or answer dropped after the write',
    'zh-CN': '调用失败的概率（0–1）：Throttling.User、503，或写入后丢弃应答',
  },
  'cli.option.seed': { en: 'seed for --fault-rate, so a rehearsal repeats exactly', 'zh-CN': '--fault-rate 的随机种子，使演练可以完全重现' },
  'cli.option.accessKeyId': {
    en: 'AccessKey id to accept (default: the demo key pair, see README)',
    'zh-CN': '接受的 AccessKey ID（默认：演示用的密钥对，见 README）',
  },
  'cli.option.accessKeySecret': { en: 'its secret', 'zh-CN': '对应的 AccessKey Secret' },
  'cli.option.members': {
    en: 'comma-separated member IDs in the directory (default: any well-formed ID)',
    'zh-CN': '资源目录中的成员 ID，以逗号分隔（默认：任何格式正确的 ID）',
  },
  'cli.option.autoVerify': {
    en: 'new and changed addresses count as verified at once',
    'zh-CN': '新增和修改的地址立即视为已验证',
  },
  'cli.example.emulator.port': { en: 'serve on a free port', 'zh-CN': '在空闲端口上提供服务' },
  'cli.example.emulator.state': {
    en: 'a rehearsal with faults that survives restarts',
    'zh-CN': '带故障的演练，重启后状态仍保留',
  },
  'cli.emulator.keyPair': {
    en: 'give --access-key-id and --access-key-secret together',
    'zh-CN': '--access-key-id 和 --access-key-secret 须同时指定',
  },

  // template
  'cli.command.template': {
    en: 'write a blank contact sheet (.xlsx with dropdowns and checks, or .csv) that the tool reads as it is',
    'zh-CN': '生成一份空白联系人表格（带下拉列表和校验的 .xlsx，或 .csv），本工具可直接读取',
  },
  'cli.option.file.template': { en: 'the sheet to write: .xlsx or .csv', 'zh-CN': '要生成的表格：.xlsx 或 .csv' },
  'cli.option.site.template': {
    en: 'the site whose name rule the sheet states (cn: Chinese names too)',
    'zh-CN': '表格中说明的名称规则所属的站点（cn：也允许中文名称）',
  },
  'cli.option.contactLimit.template': { en: 'the contact limit the sheet states', 'zh-CN': '表格中说明的联系人上限' },
  'cli.option.force': { en: 'replace the file if it exists', 'zh-CN': '文件已存在时覆盖' },
  'cli.example.template.xlsx': { en: 'a sheet to fill in; then check it with validate', 'zh-CN': '生成待填写的表格；填好后用 validate 检查' },
  'cli.example.template.csv': { en: 'the header row only, UTF-8 with BOM', 'zh-CN': '只有表头行，UTF-8 带 BOM' },
  'cli.template.noSheet': {
    en: 'name the sheet to write: contact-import template FILE.xlsx (or .csv)',
    'zh-CN': '请指定要生成的表格：contact-import template FILE.xlsx（或 .csv）',
  },

  // export
  'cli.command.export': {
    en: "write the directory's contacts as a sheet in the import format (.xlsx, .csv, or - for CSV on stdout), to edit and sync back",
    'zh-CN': '将资源目录的联系人按导入格式写成表格（.xlsx、.csv，或用 - 将 CSV 输出到标准输出），修改后可同步回去',
  },
  'cli.option.file.export': {
    en: 'the sheet to write: .xlsx, .csv, or - (CSV on stdout)',
    'zh-CN': '要写入的表格：.xlsx、.csv 或 -（CSV 输出到标准输出）',
  },
  'cli.example.export.xlsx': {
    en: 'every contact, to edit; then: import contacts.xlsx --mode sync --dry-run',
    'zh-CN': '导出全部联系人以便修改；之后执行 import contacts.xlsx --mode sync --dry-run',
  },
  'cli.example.export.stdout': { en: 'CSV on stdout', 'zh-CN': 'CSV 输出到标准输出' },
  'cli.example.export.json': { en: 'the contacts as JSON on stdout', 'zh-CN': '联系人以 JSON 输出到标准输出' },
  'cli.export.noSheet': {
    en: 'name the sheet to write (.xlsx, .csv, or - for stdout), or give --json',
    'zh-CN': '请指定要写入的表格（.xlsx、.csv，或用 - 表示标准输出），或使用 --json',
  },
  'cli.export.dashAndJson': {
    en: '- and --json both write to stdout: give one',
    'zh-CN': '- 和 --json 都会写到标准输出：只能指定其一',
  },
  'cli.export.breakLock': {
    en: '--break-lock goes with a run that takes the lock; export only reads the directory',
    'zh-CN': '--break-lock 只用于需要加锁的运行；export 只读取资源目录',
  },

  // Numbers out of range (flags.ts)
  'cli.number.wholeAtLeast': {
    en: '--{flag} must be a whole number ≥ {min}, got {value}',
    'zh-CN': '--{flag} 必须是 ≥ {min} 的整数，实际为 {value}',
  },
  'cli.number.wholeBetween': {
    en: '--{flag} must be a whole number from {min} to {max}, got {value}',
    'zh-CN': '--{flag} 必须是 {min} 到 {max} 之间的整数，实际为 {value}',
  },
  'cli.number.between': {
    en: '--{flag} must be a number from {min} to {max}, got {value}',
    'zh-CN': '--{flag} 必须是 {min} 到 {max} 之间的数，实际为 {value}',
  },
  'cli.number.secondsBetween': {
    en: '--{flag} must be a number of seconds from {min} to {max}, got {value}',
    'zh-CN': '--{flag} 必须是 {min} 到 {max} 之间的秒数，实际为 {value}',
  },
  'cli.number.millisecondsBetween': {
    en: '--{flag} must be a whole number of milliseconds from {min} to {max}, got {value}',
    'zh-CN': '--{flag} 必须是 {min} 到 {max} 之间的整数毫秒数，实际为 {value}',
  },
  'cli.number.notANumber': { en: 'something that is not a number', 'zh-CN': '非数字的值' },
  'cli.flag.repeated': {
    en: '--{flag} is given {count} times ({values}); give it once',
    'zh-CN': '--{flag} 指定了 {count} 次（{values}）；只能指定一次',
  },

  // yargs' refusals in our words (usage-error.ts)
  'cli.usage.seeHelp': { en: '{problem} (see {help})', 'zh-CN': '{problem}（参见 {help}）' },
  'cli.usage.twoProblems': { en: '{first}; {second}', 'zh-CN': '{first}；{second}' },
  'cli.usage.unknownCommand': {
    en: 'unknown command {word}; the commands are {commands}',
    'zh-CN': '未知命令 {word}；可用的命令有 {commands}',
  },
  'cli.usage.unknownCommandNear': {
    en: 'unknown command {word}; did you mean {near}? The commands are {commands}',
    'zh-CN': '未知命令 {word}；您是想输入 {near} 吗？可用的命令有 {commands}',
  },
  'cli.usage.unknownOption': { en: 'unknown option {option}', 'zh-CN': '未知选项 {option}' },
  'cli.usage.unknownOptionNear': {
    en: 'unknown option {option}; did you mean {near}?',
    'zh-CN': '未知选项 {option}；您是想输入 {near} 吗？',
  },
  'cli.usage.unknownOptions': { en: 'unknown options {options}', 'zh-CN': '未知选项 {options}' },
  'cli.usage.optionNear': { en: '{option} (did you mean {near}?)', 'zh-CN': '{option}（您是想输入 {near} 吗？）' },
  // No count among the words, so two keys rather than plural forms.
  'cli.usage.unexpectedOne': { en: 'unexpected argument {names}', 'zh-CN': '多余的参数 {names}' },
  'cli.usage.unexpectedMany': { en: 'unexpected arguments {names}', 'zh-CN': '多余的参数 {names}' },

  // Errors (report-error.ts)
  'cli.error.clientSaid': { en: 'the client said: {detail}', 'zh-CN': '客户端返回：{detail}' },
  'cli.error.internal': {
    en: 'internal error (a bug in contact-import): {message}',
    'zh-CN': '内部错误（contact-import 的缺陷）：{message}',
  },
  'cli.error.neverFinished': {
    en: 'the run stopped waiting for work that never finished; run again with --verbose and report it',
    'zh-CN': '运行在等待一项始终没有结束的工作时停止了；请加 --verbose 重新运行，并报告此问题',
  },
  'cli.error.runVerbose': {
    en: 'run again with --verbose to see where it happened, and report it',
    'zh-CN': '请加 --verbose 重新运行以查看出错位置，并报告此问题',
  },
} as const;
