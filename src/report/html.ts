/**
 * report.html: the report for the person who fixes the sheet, who would rather
 * look than read JSON. One self-contained file (inline CSS and script, no
 * network), readable printed: what happened at a glance (a bar per status), the
 * quota, which file was read and how, and the rows, problems first, with a
 * filter by status. `#status=invalid,duplicate` in the address preselects one.
 * Summary and rows in, text out, in the run's language (`lang` says which);
 * status keys, codes, file names and flags stay as they are beside the words.
 *
 * Every value is escaped, whoever wrote it (a sheet, a saved plan): a cell
 * holding `<script>` shows as text. Should one ever slip through, the page's
 * Content-Security-Policy runs only our own script and style, named by hash.
 */
import { sep } from 'node:path';
import type { Field } from '../judge/fields.js';
import { CONTENT_SECURITY_POLICY, CSS, SCRIPT } from './html-assets.js';
import { currentLanguage, say } from '../i18n/text.js';
import { allowedValues, exitMeaning, formatNumber, formatTime, pageTitle, siteName, statusName, verdict, withoutAllowedList } from './html-words.js';
import { GOOD_STATUSES, ROW_STATUSES, type RowResult, type RowStatus, type Summary } from './types.js';
import { REPORT_FILES } from './writer.js';

/** Rows shown in the page; all of them are in results.json and results.csv. */
export const HTML_ROW_LIMITS = { problems: 5000, others: 1000 } as const;

export interface HtmlRows {
  /** Rows to show, in any order (the page puts problems first). */
  rows: RowResult[];
  /** Rows left out of the page by HTML_ROW_LIMITS. */
  omitted: number;
}

/** Keeps the rows report.html will show, as they stream past, within HTML_ROW_LIMITS. */
export class HtmlRowKeeper {
  private readonly problems: RowResult[] = [];
  private readonly others: RowResult[] = [];
  private omitted = 0;

  add(result: RowResult): void {
    const list = hasProblem(result) ? this.problems : this.others;
    const limit = hasProblem(result) ? HTML_ROW_LIMITS.problems : HTML_ROW_LIMITS.others;
    if (list.length < limit) list.push(result);
    else this.omitted++;
  }

  get kept(): HtmlRows {
    return { rows: [...this.problems, ...this.others], omitted: this.omitted };
  }
}

function hasProblem(result: RowResult): boolean {
  return !GOOD_STATUSES.has(result.status) || result.errors.length > 0;
}

/** The other files of the report folder the page links (results.csv and results.json are always there). */
export interface PageFiles {
  /** annotated.xlsx was written. */
  annotated: boolean;
  /** The corrected copy (`validate --write-fixed`), relative to the report folder, once written. */
  fixedCopy?: string;
}

export function renderHtmlReport(summary: Summary, { rows, omitted }: HtmlRows, files: PageFiles = { annotated: false }): string {
  const ordered = [...rows].sort((a, b) => Number(hasProblem(b)) - Number(hasProblem(a)) || (a.row ?? Infinity) - (b.row ?? Infinity));
  const counts = ROW_STATUSES.filter((status) => (summary.counts[status] ?? 0) > 0).map((status) => [status, summary.counts[status] ?? 0] as const);
  const title = say('report.title.line', { title: pageTitle(summary), file: summary.input.file });
  const legend = new Set<Field>();
  const table = rowsTable(ordered, legend);
  return `<!doctype html>
<html lang="${currentLanguage()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}${summary.input.sheet ? ` <small>${esc(say('report.title.sheet', { sheet: summary.input.sheet }))}</small>` : ''}</h1>
<p class="verdict ${summary.exitCode === 0 ? 'ok' : 'bad'}" id="verdict">${esc(verdict(summary))}</p>
<p class="exit" id="exit">${esc(exitLine(summary))}</p>
${filesLine(summary, files)}
</header>
<main>
<section class="panel" aria-labelledby="counts-title">
<h2 id="counts-title">${esc(countsTitle(summary))}</h2>
${countsChart(counts)}
</section>
${directoryPanel(summary)}
${inputPanel(summary)}
${legendPanel(legend)}
<section class="rows" aria-labelledby="rows-title">
<h2 id="rows-title">${esc(say('report.rows.heading'))}</h2>
<form class="filter" id="filter" aria-label="${esc(say('report.rows.filter'))}">
${counts.map(([status, n]) => `<label><input type="checkbox" name="status" value="${esc(status)}" checked> <span class="status ${statusClass(status)}">${esc(statusName(status))}</span> ${esc(formatNumber(n))}</label>`).join('\n')}
</form>
${shownLine(ordered.length, omitted)}
${table}
</section>
</main>
<footer>${esc(say('report.footer'))}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The exit code, what it means, and how many good rows carry an error. */
function exitLine(summary: Summary): string {
  const { count } = summary.goodWithErrors;
  const said = { code: summary.exitCode, meaning: exitMeaning(summary) };
  return count === 0 ? say('report.exit.line', said) : say('report.exit.lineGoodWithErrors', { ...said, count: formatNumber(count) });
}

function countsTitle(summary: Summary): string {
  const rows = formatNumber(summary.input.rows);
  if (summary.directoryOnly === 0) return say('report.counts.rows', { rows });
  return say('report.counts.rowsAndDirectoryOnly', { rows, directoryOnly: formatNumber(summary.directoryOnly) });
}

/**
 * How many rows are shown. The filter's script rewrites it with the count it
 * shows, from the same sentence kept in `data-shown` with `{count}` left in:
 * the script holds no words, so one script (and its CSP hash) serves every language.
 */
function shownLine(count: number, omitted: number): string {
  const sentence = (shown: string): string =>
    omitted > 0 ? say('report.rows.shownOmitted', { count: shown, omitted: formatNumber(omitted) }) : say('report.rows.shown', { count: shown });
  return `<p class="shown" data-shown="${esc(sentence('{count}'))}" id="shown">${esc(sentence(formatNumber(count)))}</p>`;
}

/** Where the run looked: the endpoint and site, and the quota as far as it was measured. */
function directoryPanel(summary: Summary): string {
  const { quota } = summary;
  let facts: string;
  if (quota === null) facts = `<p id="quota-unknown">${esc(say('report.quota.unknown'))}</p>`;
  else {
    const assumed = quota.basis === 'assumed-empty';
    const planned = say(assumed ? 'report.quota.wouldFit' : summary.dryRun ? 'report.quota.wouldBeAdded' : 'report.quota.planned');
    facts = `${assumed ? `<p id="quota-assumed">${esc(say('report.quota.assumed'))}</p>` : ''}<dl class="facts">
<dt>${esc(say('report.quota.limit'))}</dt><dd id="quota-limit">${esc(formatNumber(quota.limit))}</dd>
${assumed ? '' : `<dt>${esc(say('report.quota.existing'))}</dt><dd id="quota-existing">${esc(formatNumber(quota.existing))}</dd>`}
<dt>${esc(planned)}</dt><dd id="quota-planned">${esc(formatNumber(quota.planned))}</dd>
<dt>${esc(say('report.quota.remaining'))}</dt><dd id="quota-remaining">${esc(formatNumber(quota.remaining))}</dd>
</dl>`;
  }
  return `<section class="panel" aria-labelledby="directory-title">
<h2 id="directory-title">${esc(say('report.directory.heading'))}</h2>
<dl class="facts">
<dt>${esc(say('report.directory.endpoint'))}</dt><dd id="endpoint">${esc(summary.endpoint ?? say('report.directory.noEndpoint'))}</dd>
<dt>${esc(say('report.directory.site'))}</dt><dd id="site">${esc(siteName(summary.site))}</dd>
</dl>
${facts}
</section>`;
}

function inputPanel(summary: Summary): string {
  const { input } = summary;
  return `<section class="panel wide" aria-labelledby="input-title">
<h2 id="input-title">${esc(say('report.input.heading'))}</h2>
<dl class="facts">
<dt>${esc(say('report.input.file'))}</dt><dd>${esc(input.file)} (${esc(input.format)})</dd>
${input.sheet ? `<dt>${esc(say('report.input.sheet'))}</dt><dd>${esc(input.sheet)}</dd>` : ''}
${input.encoding ? `<dt>${esc(say('report.input.encoding'))}</dt><dd>${esc(input.encoding)}</dd>` : ''}
${input.delimiter ? `<dt>${esc(say('report.input.delimiter'))}</dt><dd>${esc(JSON.stringify(input.delimiter))}</dd>` : ''}
<dt>${esc(say('report.input.headerRow'))}</dt><dd>${esc(formatNumber(input.headerRow))}</dd>
<dt>${esc(say('report.input.blankRows'))}</dt><dd>${esc(formatNumber(input.blankRows))}</dd>
${input.ignoredColumns.length > 0 ? `<dt>${esc(say('report.input.ignoredColumns'))}</dt><dd>${input.ignoredColumns.map(esc).join(', ')}</dd>` : ''}
<dt>sha256</dt><dd class="hash">${esc(input.sha256)}</dd>
<dt>${esc(say('report.input.run'))}</dt><dd id="run">${timeOf(summary.startedAt)} – ${timeOf(summary.finishedAt)}</dd>
</dl>
</section>`;
}

/** A moment as the run's language writes it, the exact ISO time kept in `datetime`. */
function timeOf(iso: string): string {
  return `<time datetime="${esc(iso)}">${esc(formatTime(iso))}</time>`;
}

/** The files beside this one, by relative link (the page may be opened from a copy of the folder). */
function filesLine(summary: Summary, files: PageFiles): string {
  const links: [href: string, text: string, what: string][] = [
    [REPORT_FILES.csv, REPORT_FILES.csv, say('report.files.csv')],
    [REPORT_FILES.json, REPORT_FILES.json, say('report.files.json')],
  ];
  if (files.annotated) links.push([REPORT_FILES.annotated, REPORT_FILES.annotated, say('report.files.annotated')]);
  if (files.fixedCopy !== undefined) links.push([hrefOf(files.fixedCopy), files.fixedCopy, say('report.files.fixedCopy')]);
  const suggestFixed = summary.command === 'validate' && files.fixedCopy === undefined && summary.exitCode === 1;
  const items = links.map(([href, text, what]) => `<li><a href="${esc(href)}">${esc(text)}</a> <span>${esc(what)}</span></li>`);
  if (suggestFixed) items.push(`<li><span>${withHtml(say('report.files.suggestFixed', { command: '{command}' }), 'command', '<code>validate --write-fixed FILE</code>')}</span></li>`);
  return `<ul class="files" id="files" aria-label="${esc(say('report.files.label'))}">
${items.join('\n')}
</ul>`;
}

/** A relative path as a link: each part percent-encoded, so no name can become a scheme, a query or a fragment. */
function hrefOf(path: string): string {
  return path.split(sep).map(encodeURIComponent).join('/');
}

function legendPanel(fields: ReadonlySet<Field>): string {
  const entries = allowedValues(fields);
  if (entries.length === 0) return '';
  return `<section class="panel legend" aria-labelledby="legend-title">
<h2 id="legend-title">${esc(say('report.allowed.heading'))}</h2>
<dl>
${entries.map(({ field, values }) => `<dt>${esc(field)}</dt><dd>${values.map((value) => `<code>${esc(value)}</code>`).join(' ')}</dd>`).join('\n')}
</dl>
</section>`;
}

/** The columns a command fills: row, status, name and email always; problems, notes and contact when some row has one. */
const COLUMNS = ['row', 'status', 'name', 'email', 'problems', 'notes', 'contact'] as const;
type Column = (typeof COLUMNS)[number];
const ALWAYS: ReadonlySet<Column> = new Set(['row', 'status', 'name', 'email']);

function rowsTable(ordered: RowResult[], legend: Set<Field>): string {
  const rows = ordered.map((result) => ({ result, cells: rowCells(result, legend) }));
  const shown = COLUMNS.filter((column) => ALWAYS.has(column) || rows.some(({ cells }) => cells[column] !== ''));
  const cellClass: Partial<Record<Column, string>> = { row: ' class="num"', contact: ' class="small"' };
  const body = rows
    .map(({ result, cells }) => {
      const tds = shown.map((column) => `<td data-label="${esc(say(`report.column.${column}`))}"${cellClass[column] ?? ''}>${cells[column]}</td>`).join('');
      return `<tr data-status="${esc(result.status)}" class="${hasProblem(result) ? 'problem' : ''}">${tds}</tr>`;
    })
    .join('\n');
  return `<table id="rows">
<colgroup>${shown.map((column) => `<col class="${column}">`).join('')}</colgroup>
<thead><tr>${shown.map((column) => `<th>${esc(say(`report.column.${column}`))}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

/** One row's cells as HTML; a problem shows its code, its message (the value in it) and the fix or guess. */
function rowCells(result: RowResult, legend: Set<Field>): Record<Column, string> {
  const problems = result.errors
    .map((error) => {
      const shown = withoutAllowedList(error.field, error.message);
      if (shown.legend) legend.add(shown.legend);
      const fixText = say(error.unambiguous ? 'report.row.fix' : 'report.row.guess', { value: '{value}' });
      const fix = error.suggestion === undefined ? '' : ` <span class="fix">${withHtml(fixText, 'value', `<q>${esc(error.suggestion)}</q>`)}</span>`;
      return `<li><code>${esc(error.code)}</code> ${esc(shown.message)}${fix}</li>`;
    })
    .join('');
  const notes = (result.notes ?? []).map((note) => `<li>${esc(note)}</li>`).join('');
  const contact = [
    result.contactId,
    result.requestId ? say('report.row.request', { requestId: result.requestId }) : undefined,
    result.attempts && result.attempts > 1 ? say('report.row.tries', { count: formatNumber(result.attempts) }) : undefined,
  ]
    .filter(Boolean)
    .map((part) => esc(String(part)))
    .join('<br>');
  return {
    row: esc(result.row ?? '—'),
    status: `<span class="status ${statusClass(result.status)}">${esc(statusName(result.status))}</span>`,
    name: esc(result.name),
    email: esc(result.email),
    problems: problems ? `<ul>${problems}</ul>` : '',
    notes: notes ? `<ul>${notes}</ul>` : '',
    contact,
  };
}

/** One bar per status, as inline SVG: a chart without a chart library. */
function countsChart(counts: (readonly [RowStatus, number])[]): string {
  if (counts.length === 0) return `<p>${esc(say('report.counts.none'))}</p>`;
  const max = Math.max(...counts.map(([, n]) => n));
  const barHeight = 22;
  // Wide enough for the longest status name (a Chinese character is about two Latin letters wide).
  const labelWidth = Math.max(110, ...counts.map(([status]) => textWidth(statusName(status)) + 10));
  const width = labelWidth + 210;
  const bars = counts
    .map(([status, n], i) => {
      const length = Math.max(2, Math.round(((width - labelWidth - 50) * n) / max));
      const y = i * (barHeight + 6);
      return `<g class="bar ${statusClass(status)}" data-status="${esc(status)}"><text x="0" y="${y + 16}">${esc(statusName(status))}</text><rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" rx="3"></rect><text class="count" x="${labelWidth + length + 6}" y="${y + 16}">${esc(formatNumber(n))}</text></g>`;
    })
    .join('');
  const height = counts.length * (barHeight + 6);
  const label = counts.map(([status, n]) => `${statusName(status)} ${formatNumber(n)}`).join(say('report.list.separator'));
  return `<svg class="chart" id="chart" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg>`;
}

/** About how wide a label is at the chart's 13px: a CJK character is about twice a Latin letter. */
function textWidth(text: string): number {
  return [...text].reduce((width, char) => width + (/[\u2E80-\uFFEF]/.test(char) ? 13 : 7.5), 0);
}

/** A sentence escaped, with its `{name}` placeholder (left unfilled by `say`) replaced by markup of ours. */
function withHtml(sentence: string, name: string, html: string): string {
  return esc(sentence).replace(`{${name}}`, () => html); // a function: `$&` in the markup stays as it is
}

function statusClass(status: RowStatus): string {
  if (!GOOD_STATUSES.has(status)) return 'bad';
  if (status.startsWith('would_') || status === 'kept' || status === 'valid') return 'plan';
  return 'good';
}

function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

