/**
 * report.html: the report for the person who fixes the sheet, who would rather
 * look than read JSON. One self-contained file (inline CSS and script, no
 * network), readable printed: what happened at a glance (a bar per status), the
 * quota, which file was read and how, and the rows, problems first, with a
 * filter by status. `#status=invalid,duplicate` in the address preselects one.
 * Pure: summary and rows in, text out.
 *
 * Every value is escaped, whoever wrote it (a sheet, a saved plan): a cell
 * holding `<script>` shows as text. Should one ever slip through, the page's
 * Content-Security-Policy runs only our own script and style, named by hash.
 */
import { sep } from 'node:path';
import type { Field } from '../judge/fields.js';
import { CONTENT_SECURITY_POLICY, CSS, SCRIPT } from './html-assets.js';
import { allowedValues, exitMeaning, pageTitle, verdict, withoutAllowedList } from './html-words.js';
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
  const title = pageTitle(summary);
  const legend = new Set<Field>();
  const table = rowsTable(ordered, legend);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${esc(title)}: ${esc(summary.input.file)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}: ${esc(summary.input.file)}${summary.input.sheet ? ` <small>sheet “${esc(summary.input.sheet)}”</small>` : ''}</h1>
<p class="verdict ${summary.exitCode === 0 ? 'ok' : 'bad'}" id="verdict">${esc(verdict(summary))}</p>
<p class="exit" id="exit">exit code ${esc(summary.exitCode)}: ${esc(exitMeaning(summary))}${goodWithErrorsText(summary)}</p>
${filesLine(summary, files)}
</header>
<main>
<section class="panel" aria-labelledby="counts-title">
<h2 id="counts-title">${esc(summary.input.rows)} rows${summary.directoryOnly > 0 ? ` and ${esc(summary.directoryOnly)} directory contacts not in the sheet` : ''}</h2>
${countsChart(counts)}
</section>
${directoryPanel(summary)}
${inputPanel(summary)}
${legendPanel(legend)}
<section class="rows" aria-labelledby="rows-title">
<h2 id="rows-title">Rows, problems first</h2>
<form class="filter" id="filter" aria-label="filter by status">
${counts.map(([status, n]) => `<label><input type="checkbox" name="status" value="${esc(status)}" checked> <span class="status ${statusClass(status)}">${esc(status)}</span> ${esc(n)}</label>`).join('\n')}
</form>
<p class="shown" id="shown">${esc(ordered.length)} rows shown${omitted > 0 ? `; ${esc(omitted)} more are in results.csv` : ''}</p>
${table}
</section>
</main>
<footer>contact-import · the same rows are in results.json and results.csv beside this file</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function goodWithErrorsText(summary: Summary): string {
  const { count } = summary.goodWithErrors;
  if (count === 0) return '';
  return ` (${esc(count)} ${count === 1 ? 'row ended well but carries an error' : 'rows ended well but carry an error'})`;
}

/** Where the run looked: the endpoint and site, and the quota as far as it was measured. */
function directoryPanel(summary: Summary): string {
  const { quota } = summary;
  let facts: string;
  if (quota === null) facts = '<p id="quota-unknown">quota: unknown: the directory was not read</p>';
  else {
    const assumed = quota.basis === 'assumed-empty';
    facts = `${assumed ? '<p id="quota-assumed">quota: assumed empty: validate reads no directory</p>' : ''}<dl class="facts">
<dt>contact limit</dt><dd id="quota-limit">${esc(quota.limit)}</dd>
${assumed ? '' : `<dt>in the directory before</dt><dd id="quota-existing">${esc(quota.existing)}</dd>`}
<dt>${assumed ? 'would fit' : summary.dryRun ? 'would be added' : 'planned'}</dt><dd id="quota-planned">${esc(quota.planned)}</dd>
<dt>room left after</dt><dd id="quota-remaining">${esc(quota.remaining)}</dd>
</dl>`;
  }
  return `<section class="panel" aria-labelledby="directory-title">
<h2 id="directory-title">Directory</h2>
<dl class="facts">
<dt>endpoint</dt><dd id="endpoint">${summary.endpoint === null ? 'none: nothing was sent' : esc(summary.endpoint)}</dd>
<dt>site</dt><dd id="site">${esc(summary.site)}</dd>
</dl>
${facts}
</section>`;
}

function inputPanel(summary: Summary): string {
  const { input } = summary;
  return `<section class="panel wide" aria-labelledby="input-title">
<h2 id="input-title">Input</h2>
<dl class="facts">
<dt>file</dt><dd>${esc(input.file)} (${esc(input.format)})</dd>
${input.sheet ? `<dt>sheet</dt><dd>${esc(input.sheet)}</dd>` : ''}
${input.encoding ? `<dt>encoding</dt><dd>${esc(input.encoding)}</dd>` : ''}
${input.delimiter ? `<dt>delimiter</dt><dd>${esc(JSON.stringify(input.delimiter))}</dd>` : ''}
<dt>header row</dt><dd>${esc(input.headerRow)}</dd>
<dt>blank rows skipped</dt><dd>${esc(input.blankRows)}</dd>
${input.ignoredColumns.length > 0 ? `<dt>ignored columns</dt><dd>${input.ignoredColumns.map(esc).join(', ')}</dd>` : ''}
<dt>sha256</dt><dd class="hash">${esc(input.sha256)}</dd>
<dt>run</dt><dd>${esc(summary.startedAt)} – ${esc(summary.finishedAt)}</dd>
</dl>
</section>`;
}

/** The files beside this one, by relative link (the page may be opened from a copy of the folder). */
function filesLine(summary: Summary, files: PageFiles): string {
  const links: [href: string, text: string, what: string][] = [
    [REPORT_FILES.csv, REPORT_FILES.csv, 'every row, for a spreadsheet'],
    [REPORT_FILES.json, REPORT_FILES.json, 'every row, for a program'],
  ];
  if (files.annotated) links.push([REPORT_FILES.annotated, REPORT_FILES.annotated, 'the sheet with its problems marked']);
  if (files.fixedCopy !== undefined) links.push([hrefOf(files.fixedCopy), files.fixedCopy, 'the corrected copy']);
  const suggestFixed = summary.command === 'validate' && files.fixedCopy === undefined && summary.exitCode === 1;
  const items = links.map(([href, text, what]) => `<li><a href="${esc(href)}">${esc(text)}</a> <span>${esc(what)}</span></li>`);
  if (suggestFixed) items.push('<li><span><code>validate --write-fixed FILE</code> writes a copy with the obvious fixes applied</span></li>');
  return `<ul class="files" id="files" aria-label="files of this report">
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
<h2 id="legend-title">Allowed values</h2>
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
      const tds = shown.map((column) => `<td data-label="${column}"${cellClass[column] ?? ''}>${cells[column]}</td>`).join('');
      return `<tr data-status="${esc(result.status)}" class="${hasProblem(result) ? 'problem' : ''}">${tds}</tr>`;
    })
    .join('\n');
  return `<table id="rows">
<colgroup>${shown.map((column) => `<col class="${column}">`).join('')}</colgroup>
<thead><tr>${shown.map((column) => `<th>${column}</th>`).join('')}</tr></thead>
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
      const fix = error.suggestion === undefined ? '' : ` <span class="fix">${error.unambiguous ? 'fix' : 'did you mean'}: <q>${esc(error.suggestion)}</q></span>`;
      return `<li><code>${esc(error.code)}</code> ${esc(shown.message)}${fix}</li>`;
    })
    .join('');
  const notes = (result.notes ?? []).map((note) => `<li>${esc(note)}</li>`).join('');
  const contact = [result.contactId, result.requestId ? `request ${result.requestId}` : undefined, result.attempts && result.attempts > 1 ? `${result.attempts} tries` : undefined]
    .filter(Boolean)
    .map((part) => esc(String(part)))
    .join('<br>');
  return {
    row: esc(result.row ?? '—'),
    status: `<span class="status ${statusClass(result.status)}">${esc(result.status)}</span>`,
    name: esc(result.name),
    email: esc(result.email),
    problems: problems ? `<ul>${problems}</ul>` : '',
    notes: notes ? `<ul>${notes}</ul>` : '',
    contact,
  };
}

/** One bar per status, as inline SVG: a chart without a chart library. */
function countsChart(counts: (readonly [RowStatus, number])[]): string {
  if (counts.length === 0) return '<p>No data rows.</p>';
  const max = Math.max(...counts.map(([, n]) => n));
  const barHeight = 22;
  const width = 320;
  const labelWidth = 110;
  const bars = counts
    .map(([status, n], i) => {
      const length = Math.max(2, Math.round(((width - labelWidth - 50) * n) / max));
      const y = i * (barHeight + 6);
      return `<g class="bar ${statusClass(status)}" data-status="${esc(status)}"><text x="0" y="${y + 16}">${esc(status)}</text><rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" rx="3"></rect><text class="count" x="${labelWidth + length + 6}" y="${y + 16}">${esc(n)}</text></g>`;
    })
    .join('');
  const height = counts.length * (barHeight + 6);
  const label = counts.map(([status, n]) => `${status} ${n}`).join(', ');
  return `<svg class="chart" id="chart" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${bars}</svg>`;
}

function statusClass(status: RowStatus): string {
  if (!GOOD_STATUSES.has(status)) return 'bad';
  if (status.startsWith('would_') || status === 'kept' || status === 'valid') return 'plan';
  return 'good';
}

function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

