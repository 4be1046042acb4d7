/**
 * Reading sheets: why a file, a sheet or its header cannot be read, the input
 * limits, the reading flags (--encoding, --delimiter, --map, --max-bytes) and
 * how a column is named in messages. File, sheet, row, column and header names
 * are parameters, as written; flags and format names stay as they are.
 */
export const READ_MESSAGES = {
  // A problem said of a file, a row or a sheet: the problem is a whole sentence of its own.
  'read.inFile': { en: '{file}: {problem}', 'zh-CN': '{file}：{problem}' },
  'read.atRow': { en: 'row {row}: {problem}', 'zh-CN': '第 {row} 行：{problem}' },
  'read.inSheet': { en: 'sheet {sheet}: {problem}', 'zh-CN': '工作表 {sheet}：{problem}' },

  'read.column.named': { en: '{field} (column {letter})', 'zh-CN': '{field}（{letter} 列）' },
  'read.column.namedAs': { en: '{field} (column {letter} "{header}")', 'zh-CN': '{field}（{letter} 列“{header}”）' },

  'read.file.notFound': { en: '{file}: no such file', 'zh-CN': '{file}：文件不存在' },
  'read.file.openedFolder': { en: '{file}: is a folder, not a file', 'zh-CN': '{file}：这是文件夹，不是文件' },
  'read.file.permission': { en: '{file}: permission denied', 'zh-CN': '{file}：没有读取权限' },
  'read.file.cannotOpen': { en: '{file}: cannot be opened ({code})', 'zh-CN': '{file}：无法打开（{code}）' },
  'read.file.cannotRead': { en: '{file}: cannot be read ({code})', 'zh-CN': '{file}：无法读取（{code}）' },
  'read.file.folder': {
    en: '{file}: is a folder, not a file; save the sheet to a file and give that file',
    'zh-CN': '{file}：这是文件夹，不是文件；请将表格保存为文件，再指定该文件',
  },
  'read.file.pipe': {
    en: '{file}: is a pipe, not a file; save the sheet to a file and give that file',
    'zh-CN': '{file}：这是管道，不是文件；请将表格保存为文件，再指定该文件',
  },
  'read.file.socket': {
    en: '{file}: is a socket, not a file; save the sheet to a file and give that file',
    'zh-CN': '{file}：这是套接字，不是文件；请将表格保存为文件，再指定该文件',
  },
  'read.file.device': {
    en: '{file}: is a device, not a file; save the sheet to a file and give that file',
    'zh-CN': '{file}：这是设备，不是文件；请将表格保存为文件，再指定该文件',
  },
  'read.file.special': {
    en: '{file}: is not a regular file, not a file; save the sheet to a file and give that file',
    'zh-CN': '{file}：这不是普通文件；请将表格保存为文件，再指定该文件',
  },
  'read.file.empty': {
    en: '{file}: the file is empty; export the sheet again as .xlsx or CSV UTF-8',
    'zh-CN': '{file}：文件是空的；请重新将表格导出为 .xlsx 或“CSV UTF-8”',
  },
  'read.file.xls': {
    en: '{file}: is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which cannot be read; remove any password and open it in Excel, WPS or LibreOffice and save it as .xlsx or as CSV UTF-8',
    'zh-CN': '{file}：这是 Excel 97-2003 工作簿（.xls）或受密码保护的工作簿，无法读取；请先去掉密码，再用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx 或“CSV UTF-8”',
  },
  'read.file.binary': {
    en: '{file}: is a binary file, not a CSV or XLSX sheet; open it in Excel, WPS or LibreOffice and save it as .xlsx or as CSV UTF-8',
    'zh-CN': '{file}：这是二进制文件，不是 CSV 或 XLSX 表格；请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx 或“CSV UTF-8”',
  },
  'read.file.xlsb': {
    en: '{file}: is an Excel binary workbook (.xlsb); open it in Excel, WPS or LibreOffice and save it as .xlsx or as CSV UTF-8',
    'zh-CN': '{file}：这是 Excel 二进制工作簿（.xlsb）；请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx 或“CSV UTF-8”',
  },
  'read.file.ods': {
    en: '{file}: is an OpenDocument file (.ods), which cannot be read; open it in Excel, WPS or LibreOffice and save it as .xlsx or as CSV UTF-8',
    'zh-CN': '{file}：这是 OpenDocument 文件（.ods），无法读取；请用 Excel、WPS 或 LibreOffice 打开，另存为 .xlsx 或“CSV UTF-8”',
  },
  'read.file.word': {
    en: '{file}: is a Word document, not a sheet; put the contacts in a sheet and save it as .xlsx',
    'zh-CN': '{file}：这是 Word 文档，不是表格；请将联系人填入表格，并保存为 .xlsx',
  },
  'read.file.powerPoint': {
    en: '{file}: is a PowerPoint file, not a sheet; put the contacts in a sheet and save it as .xlsx',
    'zh-CN': '{file}：这是 PowerPoint 文件，不是表格；请将联系人填入表格，并保存为 .xlsx',
  },
  'read.file.zip': {
    en: '{file}: is a zip archive without a workbook in it; give the .xlsx or .csv file itself',
    'zh-CN': '{file}：这是不含工作簿的 zip 压缩包；请直接指定 .xlsx 或 .csv 文件',
  },
  // Files people mistake for sheets, by their format's name (PDF, gzip, PNG…).
  'read.file.document': {
    en: '{file}: is a {format} document, not a contact sheet; give a .xlsx or .csv file',
    'zh-CN': '{file}：这是 {format} 文档，不是联系人表格；请指定 .xlsx 或 .csv 文件',
  },
  'read.file.archive': {
    en: '{file}: is a {format} archive, not a contact sheet; give a .xlsx or .csv file',
    'zh-CN': '{file}：这是 {format} 压缩包，不是联系人表格；请指定 .xlsx 或 .csv 文件',
  },
  'read.file.image': {
    en: '{file}: is a {format} image, not a contact sheet; give a .xlsx or .csv file',
    'zh-CN': '{file}：这是 {format} 图片，不是联系人表格；请指定 .xlsx 或 .csv 文件',
  },

  'read.limit.fileTooBig': {
    en: '{file}: the file is {size}, more than the {max} a sheet may be; raise --max-bytes if it really is a contact sheet',
    'zh-CN': '{file}：文件大小为 {size}，超过了表格的上限 {max}；如果它确实是联系人表格，请调大 --max-bytes',
  },
  'read.limit.stdinTooBig': {
    en: '{file}: more than the {max} a sheet may be; raise --max-bytes if it really is a contact sheet',
    'zh-CN': '{file}：超过了表格的上限 {max}；如果它确实是联系人表格，请调大 --max-bytes',
  },
  'read.limit.rows': {
    en: '{file}: more than {max} data rows (row {row}); raise --max-rows if the sheet really is that long',
    'zh-CN': '{file}：数据行超过 {max} 行（读到第 {row} 行）；如果表格确实有这么多行，请调大 --max-rows',
  },
  'read.limit.line': {
    en: '{file}: line {line} is longer than {max}: not a contact sheet',
    'zh-CN': '{file}：第 {line} 行超过 {max}，这不是联系人表格',
  },
  'read.limit.cell': {
    en: '{file}: row {row}, column {column}: a cell of {length} characters, more than the {max} a cell may have',
    'zh-CN': '{file}：第 {row} 行 {column} 列：单元格有 {length} 个字符，超过了单元格的上限 {max} 个',
  },
  'read.limit.size': {
    en: '--{option} {text}: give a size such as 50MB, 200MB or 1GB',
    'zh-CN': '--{option} {text}：请给出大小，例如 50MB、200MB 或 1GB',
  },

  'read.stdin.terminal': {
    en: '- reads the sheet from standard input, which is a terminal here: pipe or redirect a sheet into it',
    'zh-CN': '- 表示从标准输入读取表格，但此处的标准输入是终端：请通过管道或重定向传入表格',
  },
  'read.delimiter.invalid': {
    en: '--delimiter {value}: give one character, such as , ; | or tab',
    'zh-CN': '--delimiter {value}：请给出一个字符，例如 , ; | 或 tab',
  },

  'read.encoding.unknown': {
    en: '--encoding {name}: unknown encoding; use utf-8, utf-16le, utf-16be, gb18030 (also for GBK), windows-1252, big5, shift_jis…',
    'zh-CN': '--encoding {name}：不支持的编码；可用 utf-8、utf-16le、utf-16be、gb18030（GBK 也用它）、windows-1252、big5、shift_jis…',
  },
  'read.encoding.notUtf8': {
    en: '{file}: line {line} is not UTF-8 text; check --encoding',
    'zh-CN': '{file}：第 {line} 行不是 UTF-8 文本；请检查 --encoding',
  },
  'read.encoding.mixed': {
    en: '{file}: line {line} is not UTF-8 text though earlier lines are (mixed encodings?); save it again as "CSV UTF-8", or give --encoding (gb18030 for GBK)',
    'zh-CN': '{file}：第 {line} 行不是 UTF-8 文本，而前面的行是（混用了多种编码？）；请重新另存为“CSV UTF-8”，或指定 --encoding（GBK 请用 gb18030）',
  },
  'read.encoding.gbOrBig5': {
    en: '{file}: its bytes read as both GB18030 (simplified Chinese) and Big5 (traditional Chinese) text, and which one is meant cannot be told; give --encoding gb18030 or --encoding big5',
    'zh-CN': '{file}：文件内容既可读作 GB18030（简体中文），也可读作 Big5（繁体中文），无法判断是哪一种；请指定 --encoding gb18030 或 --encoding big5',
  },

  'read.csv.quoteNotClosed': {
    en: '{file}: malformed CSV: the quoted field that starts on line {line} is never closed; fix the quotes or export the sheet again',
    'zh-CN': '{file}：CSV 格式有误：从第 {line} 行开始的带引号字段没有结束引号；请修正引号，或重新导出表格',
  },
  'read.csv.recordTooLong': {
    en: '{file}: the record that starts on line {line} runs past {max} characters: a quote left open, or not a contact sheet',
    'zh-CN': '{file}：从第 {line} 行开始的记录超过 {max} 个字符：可能有引号未闭合，或者这不是联系人表格',
  },
  'read.csv.quoteInField': {
    en: '{file}: malformed CSV at line {line}: a quote appears inside a field that is not quoted; fix the quotes or export the sheet again',
    'zh-CN': '{file}：第 {line} 行 CSV 格式有误：未加引号的字段中出现了引号；请修正引号，或重新导出表格',
  },
  // `reason` is the CSV parser's own words.
  'read.csv.malformed': {
    en: '{file}: malformed CSV at line {line}: {reason}; fix the quotes or export the sheet again',
    'zh-CN': '{file}：第 {line} 行 CSV 格式有误：{reason}；请修正引号，或重新导出表格',
  },

  'read.header.none': {
    en: 'no recognisable header row; row {row} reads {found}, expected headers such as Name, Email, Phone, Title, MessageTypes',
    'zh-CN': '找不到可识别的表头行；第 {row} 行的内容是 {found}，应有 Name、Email、Phone、Title、MessageTypes 等表头',
  },
  'read.header.noneMapped': {
    en: 'no recognisable header row; row {row} reads {found}, expected headers such as Name, Email, Phone, Title, MessageTypes or those in {map}',
    'zh-CN': '找不到可识别的表头行；第 {row} 行的内容是 {found}，应有 Name、Email、Phone、Title、MessageTypes 等表头，或 {map} 中的表头',
  },
  'read.header.missing': {
    en: 'row {row}: no {fields} column; the headers found are {found} (accepted: {accepted}; or name them in a mapping file, --map)',
    'zh-CN': '第 {row} 行：没有 {fields} 列；找到的表头是 {found}（可用的表头：{accepted}；也可在映射文件 --map 中指定）',
  },
  'read.header.conflict': {
    en: 'columns {first} ({firstHeader}) and {second} ({secondHeader}) both mean {field}; rename or remove one',
    'zh-CN': '{first} 列（{firstHeader}）和 {second} 列（{secondHeader}）都表示 {field}；请重命名或删除其中一列',
  },
  'read.header.conflictMapped': {
    en: 'columns {first} ({firstHeader}) and {second} ({secondHeader}) both mean {field}; rename or remove one or map one to null in {map}',
    'zh-CN': '{first} 列（{firstHeader}）和 {second} 列（{secondHeader}）都表示 {field}；请重命名或删除其中一列，或在 {map} 中将其中一列映射为 null',
  },
  'read.header.unmapped': {
    en: 'row {row}: {map} maps {unmapped}, which the header does not have; the headers are {found}',
    'zh-CN': '第 {row} 行：{map} 映射了 {unmapped}，但表头中没有；表头是 {found}',
  },
  // What an empty list of headers shows.
  'read.header.nothing': { en: 'nothing', 'zh-CN': '（空）' },
  'read.header.blankPinned': {
    en: 'row {row} (pinned by {map}) is blank, so there is no header row; a row near the top must name the columns (Name, Email, Title, MessageTypes…)',
    'zh-CN': '第 {row} 行（由 {map} 指定）是空行，因此没有表头行；表格顶部须有一行写明各列名称（Name、Email、Title、MessageTypes…）',
  },
  'read.header.blankTop': {
    en: 'the first {rows} rows are blank, so there is no header row; a row near the top must name the columns (Name, Email, Title, MessageTypes…)',
    'zh-CN': '前 {rows} 行都是空行，因此没有表头行；表格顶部须有一行写明各列名称（Name、Email、Title、MessageTypes…）',
  },
  'read.header.lookedPinned': { en: '{problem} (row {row}, as {map} says)', 'zh-CN': '{problem}（{map} 指定的第 {row} 行）' },
  'read.header.lookedTop': { en: '{problem} (looked through the first {rows} rows)', 'zh-CN': '{problem}（已查找前 {rows} 行）' },

  'read.sheet.noHeaderAnywhere': {
    en: '{file}: no sheet has a header row; {problems}; name the sheet with --sheet, or the headers in a mapping file (--map)',
    'zh-CN': '{file}：没有哪个工作表含有表头行；{problems}；请用 --sheet 指定工作表，或在映射文件（--map）中写明表头',
  },
  'read.sheet.notFound': { en: '{file}: no sheet {asked}; {choices}', 'zh-CN': '{file}：没有工作表 {asked}；{choices}' },
  'read.sheet.chart': {
    en: '{file}: sheet {sheet} is a chart sheet, it has no rows; {choices}',
    'zh-CN': '{file}：工作表 {sheet} 是图表工作表，没有数据行；{choices}',
  },
  'read.sheet.notWorksheet': {
    en: '{file}: sheet {sheet} is not a worksheet, it has no rows; {choices}',
    'zh-CN': '{file}：工作表 {sheet} 不是普通工作表，没有数据行；{choices}',
  },
  'read.sheet.choicesOne': {
    en: 'the workbook has one sheet: {names} (use --sheet NAME or --sheet 1)',
    'zh-CN': '工作簿只有一个工作表：{names}（请用 --sheet 名称 或 --sheet 1）',
  },
  'read.sheet.choices': {
    en: 'the workbook has sheets: {names} (use --sheet NAME or --sheet {range})',
    'zh-CN': '工作簿中的工作表：{names}（请用 --sheet 名称 或 --sheet {range}）',
  },
  'read.sheet.hidden': { en: '{name} (hidden)', 'zh-CN': '{name}（已隐藏）' },
  'read.sheet.more': { en: 'and {count} more', 'zh-CN': '等另外 {count} 个' },

  'read.map.notFound': { en: '--map {file}: no such file', 'zh-CN': '--map {file}：文件不存在' },
  'read.map.cannotRead': { en: '--map {file}: cannot be read ({code})', 'zh-CN': '--map {file}：无法读取（{code}）' },
  'read.map.notJson': {
    en: '--map {file}: not valid JSON ({reason}); see README "Mapping file"',
    'zh-CN': '--map {file}：不是有效的 JSON（{reason}）；请参阅 README 的“Mapping file”一节',
  },
  // `where` is the JSON path, or the file; `reason` is the schema checker's own words; `shape` the file's form, in JSON.
  'read.map.shape': {
    en: '--map {file}: {where}: {reason}; expected {shape}',
    'zh-CN': '--map {file}：{where}：{reason}；应为 {shape} 格式',
  },
  'read.map.theFile': { en: 'the file', 'zh-CN': '文件' },
  'read.map.emptyHeader': {
    en: '--map {file}: columns: an empty header cannot be mapped',
    'zh-CN': '--map {file}：columns：不能映射空表头',
  },
  'read.map.sameHeader': {
    en: '--map {file}: columns: "{first}" and "{second}" are the same header (case, spaces, _ and - are ignored)',
    'zh-CN': '--map {file}：columns：“{first}”和“{second}”是同一个表头（比较时忽略大小写、空格、_ 和 -）',
  },
  'read.map.notAField': {
    en: '--map {file}: columns: "{header}": "{name}" is not a field; use {fields} or null to ignore the column',
    'zh-CN': '--map {file}：columns：“{header}”：“{name}”不是字段；请使用 {fields}，或用 null 忽略该列',
  },

  // Why a workbook cannot be read: the `reason` of read.xlsx.unreadable, without the file's name.
  'read.xlsx.noSheets': { en: 'its workbook lists no sheets', 'zh-CN': '工作簿中没有列出任何工作表' },
  'read.xlsx.noPart': { en: 'there is no {part} in it', 'zh-CN': '其中没有 {part}' },
  'read.xlsx.sheetPartMissing': {
    en: 'sheet {sheet} should be stored as {part}, which is not in the zip',
    'zh-CN': '工作表 {sheet} 应存放在 {part}，但压缩包中没有该文件',
  },
  'read.xlsx.zipBomb': {
    en: 'it unpacks to {size}, more than {max}: a zip bomb, or raise --max-bytes',
    'zh-CN': '解压后为 {size}，超过 {max}：可能是压缩炸弹；若不是，请调大 --max-bytes',
  },
  'read.xlsx.zipBombReading': {
    en: 'it unpacks to more than {max}, reading {part}: a zip bomb, or raise --max-bytes',
    'zh-CN': '读取 {part} 时解压超过 {max}：可能是压缩炸弹；若不是，请调大 --max-bytes',
  },
  'read.xlsx.sizeLies': {
    en: '{part} unpacks to {size}, not the {declared} the zip declares for it',
    'zh-CN': '{part} 解压后为 {size}，与压缩包声明的 {declared} 不符',
  },
  // `reason` is the unpacker's or the file system's own words.
  'read.xlsx.partFailed': { en: '{part}: {reason}', 'zh-CN': '{part}：{reason}' },
  'read.xlsx.damagedData': { en: 'damaged compressed data: {reason}', 'zh-CN': '压缩数据已损坏：{reason}' },
  'read.xlsx.unknownError': { en: 'unknown error', 'zh-CN': '未知错误' },
  'read.xlsx.tooManyElements': {
    en: '{part} has more than {max} <{name}> elements',
    'zh-CN': '{part} 中的 <{name}> 元素超过 {max} 个',
  },
  'read.xlsx.damagedXml': { en: '{part}: damaged XML: {reason}', 'zh-CN': '{part}：XML 已损坏：{reason}' },
  'read.xlsx.encrypted': { en: "{part} is encrypted: remove the workbook's password", 'zh-CN': '{part} 已加密：请去掉工作簿的密码' },
  'read.xlsx.compression': {
    en: '{part} is compressed with method {method}, which this reader cannot unpack',
    'zh-CN': '{part} 使用了压缩方法 {method}，本工具无法解压',
  },
  'read.xlsx.misplaced': { en: "{part} is not where the zip's directory says", 'zh-CN': '{part} 不在压缩包目录所记录的位置' },
  'read.xlsx.noDirectory': {
    en: 'no zip directory at its end: not a zip archive, or a truncated one',
    'zh-CN': '文件末尾没有 zip 目录：不是 zip 压缩包，或者文件不完整',
  },
  'read.xlsx.tooManyMarks': {
    en: 'sheet {sheet} has more than {max} merged or linked cells',
    'zh-CN': '工作表 {sheet} 中的合并单元格或带链接的单元格超过 {max} 个',
  },
  'read.xlsx.tooManyStrings': {
    en: '{part} holds more than {max} strings, far more than a contact sheet needs',
    'zh-CN': '{part} 中的字符串超过 {max} 个，远超联系人表格所需',
  },
  'read.xlsx.tooManyCharacters': {
    en: '{part} holds more than {max} characters, far more than a contact sheet needs',
    'zh-CN': '{part} 中的字符超过 {max} 个，远超联系人表格所需',
  },
  'read.xlsx.cellTooLong': {
    en: 'sheet {sheet}, cell {ref} holds more than {max} characters',
    'zh-CN': '工作表 {sheet} 的单元格 {ref} 超过 {max} 个字符',
  },
  'read.xlsx.rowNumber': { en: 'sheet {sheet} has a row numbered {r}', 'zh-CN': '工作表 {sheet} 中有一行的行号是 {r}' },
  'read.xlsx.cellPlace': {
    en: 'sheet {sheet}, row {row} has a cell at {r}',
    'zh-CN': '工作表 {sheet} 第 {row} 行中有一个位于 {r} 的单元格',
  },
  'read.xlsx.noSharedStrings': {
    en: 'sheet {sheet}, cell {ref} refers to shared string {asked}, which does not exist: the workbook has none',
    'zh-CN': '工作表 {sheet} 的单元格 {ref} 引用了不存在的共享字符串 {asked}：工作簿中没有共享字符串',
  },
  'read.xlsx.noSuchSharedString': {
    en: 'sheet {sheet}, cell {ref} refers to shared string {asked}, which does not exist: the workbook has {count}, numbered from 0',
    'zh-CN': '工作表 {sheet} 的单元格 {ref} 引用了不存在的共享字符串 {asked}：工作簿中共有 {count} 个，从 0 开始编号',
  },
  'read.xlsx.tooManyStyles': {
    en: '{part} lists more than {max} cell styles',
    'zh-CN': '{part} 中的单元格样式超过 {max} 个',
  },
  // What a cell holding a date that cannot be a date shows, in a message about it.
  'read.cell.invalidDate': { en: 'an invalid date', 'zh-CN': '无效日期' },
  // Damaged XML in a workbook part: what is wrong, and at which character of the part.
  'read.xml.markupTooLong': {
    en: 'markup longer than {max} characters, at character {at}',
    'zh-CN': '第 {at} 个字符处的标记超过 {max} 个字符',
  },
  'read.xml.endsInMarkup': { en: 'the text ends inside markup, at character {at}', 'zh-CN': '文本在标记内部结束（第 {at} 个字符）' },
  'read.xml.endsInside': { en: 'the text ends inside <{name}>, at character {at}', 'zh-CN': '文本在 <{name}> 内部结束（第 {at} 个字符）' },
  'read.xml.noTagName': { en: 'a tag without a name, at character {at}', 'zh-CN': '第 {at} 个字符处有一个没有名称的标签' },
  'read.xml.closesNothing': { en: '</{name}> closes nothing, at character {at}', 'zh-CN': '第 {at} 个字符处的 </{name}> 没有对应的开始标签' },
  'read.xml.wrongClose': {
    en: '</{name}> where </{open}> was expected, at character {at}',
    'zh-CN': '第 {at} 个字符处应为 </{open}>，却是 </{name}>',
  },
  'read.xml.doctype': {
    en: 'a DOCTYPE, which no workbook part has, at character {at}',
    'zh-CN': '第 {at} 个字符处有 DOCTYPE，工作簿的部件中不应有它',
  },
  'read.xml.notXml': { en: 'markup that is not XML, at character {at}', 'zh-CN': '第 {at} 个字符处的标记不是 XML' },
  'read.copy.changed': { en: 'the file changed after it was read', 'zh-CN': '文件在读取之后被修改过' },
  'read.xlsx.unreadable': {
    en: '{file}: not a readable XLSX workbook ({reason}); open it in Excel and save it again as .xlsx',
    'zh-CN': '{file}：不是可读取的 XLSX 工作簿（{reason}）；请用 Excel 打开，重新保存为 .xlsx',
  },
} as const;
