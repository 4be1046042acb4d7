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
import { createHash } from 'node:crypto';
import { GOOD_STATUSES, ROW_STATUSES, type RowResult, type RowStatus, type Summary } from './types.js';

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

const EXIT_MEANING: Record<number, string> = {
  0: 'every row ended well',
  1: 'some rows were not imported',
  2: 'the sheet could not be read, or the command line was wrong',
  3: 'the directory side stopped the run',
  70: 'an internal error',
  130: 'interrupted (Ctrl-C)',
  143: 'stopped by SIGTERM or SIGHUP',
};

export function renderHtmlReport(summary: Summary, { rows, omitted }: HtmlRows, title: string): string {
  const ordered = [...rows].sort((a, b) => Number(hasProblem(b)) - Number(hasProblem(a)) || (a.row ?? Infinity) - (b.row ?? Infinity));
  const counts = ROW_STATUSES.filter((status) => (summary.counts[status] ?? 0) > 0).map((status) => [status, summary.counts[status] ?? 0] as const);
  const ok = summary.exitCode === 0;
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
<p class="verdict ${ok ? 'ok' : 'bad'}" id="verdict">exit code ${esc(summary.exitCode)}: ${esc(EXIT_MEANING[summary.exitCode] ?? '')}${summary.dryRun ? ' · dry run: nothing was written' : ''}</p>
</header>
<main>
<section class="panel" aria-labelledby="counts-title">
<h2 id="counts-title">${esc(summary.input.rows)} rows</h2>
${countsChart(counts)}
</section>
<section class="panel" aria-labelledby="quota-title">
<h2 id="quota-title">Quota</h2>
<dl class="facts">
<dt>contact limit</dt><dd id="quota-limit">${esc(summary.quota.limit)}</dd>
<dt>in the directory before</dt><dd id="quota-existing">${esc(summary.quota.existing)}</dd>
<dt>${summary.dryRun ? 'would be added' : 'planned'}</dt><dd id="quota-planned">${esc(summary.quota.planned)}</dd>
<dt>room left after</dt><dd id="quota-remaining">${esc(summary.quota.remaining)}</dd>
</dl>
</section>
<section class="panel" aria-labelledby="input-title">
<h2 id="input-title">Input</h2>
<dl class="facts">
<dt>file</dt><dd>${esc(summary.input.file)} (${esc(summary.input.format)})</dd>
${summary.input.sheet ? `<dt>sheet</dt><dd>${esc(summary.input.sheet)}</dd>` : ''}
${summary.input.encoding ? `<dt>encoding</dt><dd>${esc(summary.input.encoding)}</dd>` : ''}
${summary.input.delimiter ? `<dt>delimiter</dt><dd>${esc(JSON.stringify(summary.input.delimiter))}</dd>` : ''}
<dt>header row</dt><dd>${esc(summary.input.headerRow)}</dd>
<dt>blank rows skipped</dt><dd>${esc(summary.input.blankRows)}</dd>
${summary.input.ignoredColumns.length > 0 ? `<dt>ignored columns</dt><dd>${summary.input.ignoredColumns.map(esc).join(', ')}</dd>` : ''}
<dt>sha256</dt><dd class="hash">${esc(summary.input.sha256)}</dd>
<dt>run</dt><dd>${esc(summary.startedAt)} – ${esc(summary.finishedAt)}</dd>
</dl>
</section>
<section class="rows" aria-labelledby="rows-title">
<h2 id="rows-title">Rows, problems first</h2>
<form class="filter" id="filter" aria-label="filter by status">
${counts.map(([status, n]) => `<label><input type="checkbox" name="status" value="${esc(status)}" checked> <span class="status ${statusClass(status)}">${esc(status)}</span> ${esc(n)}</label>`).join('\n')}
</form>
<p class="shown" id="shown">${esc(ordered.length)} rows shown${omitted > 0 ? `; ${esc(omitted)} more are in results.csv` : ''}</p>
<table id="rows">
<colgroup><col class="row"><col class="status"><col class="name"><col class="email"><col class="problems"><col class="notes"><col class="contact"></colgroup>
<thead><tr><th>row</th><th>status</th><th>name</th><th>email</th><th>problems</th><th>notes</th><th>contact</th></tr></thead>
<tbody>
${ordered.map(rowHtml).join('\n')}
</tbody>
</table>
</section>
</main>
<footer>contact-import · the same rows are in results.json and results.csv beside this file</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function rowHtml(result: RowResult): string {
  const problems = result.errors
    .map((error) => {
      const fix =
        error.suggestion === undefined
          ? ''
          : ` <span class="fix">${error.unambiguous ? 'fix' : 'did you mean'}: <q>${esc(error.suggestion)}</q></span>`;
      return `<li><code>${esc(error.code)}</code> ${esc(error.message)}${fix}</li>`;
    })
    .join('');
  const notes = (result.notes ?? []).map((note) => `<li>${esc(note)}</li>`).join('');
  const contact = [result.contactId, result.requestId ? `request ${result.requestId}` : undefined, result.attempts && result.attempts > 1 ? `${result.attempts} tries` : undefined]
    .filter(Boolean)
    .map((part) => esc(String(part)))
    .join('<br>');
  return `<tr data-status="${esc(result.status)}" class="${hasProblem(result) ? 'problem' : ''}"><td class="num">${esc(result.row ?? '—')}</td><td><span class="status ${statusClass(result.status)}">${esc(result.status)}</span></td><td>${esc(result.name)}</td><td>${esc(result.email)}</td><td>${problems ? `<ul>${problems}</ul>` : ''}</td><td>${notes ? `<ul>${notes}</ul>` : ''}</td><td class="small">${contact}</td></tr>`;
}

/** One bar per status, as inline SVG: a chart without a chart library. */
function countsChart(counts: (readonly [RowStatus, number])[]): string {
  if (counts.length === 0) return '<p>No data rows.</p>';
  const max = Math.max(...counts.map(([, n]) => n));
  const barHeight = 22;
  const width = 420;
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

const CSS = `
:root { --bad: #c62828; --good: #2e7d32; --plan: #1565c0; --line: #ddd; font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem; color: #222; }
h1 { font-size: 1.4rem; margin: .5rem 0; } h1 small { font-weight: normal; color: #555; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
.verdict { font-weight: 600; padding: .4rem .7rem; border-radius: 4px; display: inline-block; }
.verdict.ok { background: #e8f5e9; color: var(--good); } .verdict.bad { background: #ffebee; color: var(--bad); }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; align-items: start; }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; }
.rows { grid-column: 1 / -1; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.facts dt { color: #555; } .facts dd { margin: 0; } .hash { font-family: ui-monospace, monospace; font-size: .8rem; word-break: break-all; }
.chart text { font-size: 13px; fill: #222; } .chart .bar.bad rect { fill: var(--bad); } .chart .bar.good rect { fill: var(--good); } .chart .bar.plan rect { fill: var(--plan); }
.filter { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin-bottom: .5rem; }
.status { font-family: ui-monospace, monospace; font-size: .85rem; padding: 0 .3rem; border-radius: 3px; }
.status.bad { background: #ffebee; color: var(--bad); } .status.good { background: #e8f5e9; color: var(--good); } .status.plan { background: #e3f2fd; color: var(--plan); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; table-layout: fixed; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
col.row { width: 3.5rem; } col.status { width: 8rem; } col.name { width: 9rem; } col.email { width: 14rem; } col.notes { width: 12rem; } col.contact { width: 9rem; }
th { position: sticky; top: 0; background: #fafafa; }
tr.problem td:first-child { border-left: 3px solid var(--bad); }
td ul { margin: 0; padding-left: 1rem; } .num { text-align: right; } .small { font-size: .8rem; color: #555; }
.fix { color: var(--plan); } code { font-size: .8rem; }
tr[hidden] { display: none; }
footer { margin-top: 1.5rem; color: #777; font-size: .8rem; }
@media print { .filter, .shown { display: none; } tr[hidden] { display: table-row; } body { max-width: none; } th { position: static; } }
`;

/** The filter: checkboxes by status; `#status=invalid,duplicate` preselects. No network, no library. */
const SCRIPT = `
(function () {
  var form = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#rows tbody tr'));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name=status]'));
  var shown = document.getElementById('shown');
  var note = shown.textContent.replace(/^\\d+ rows shown/, '');
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { if (box.checked) wanted[box.value] = true; });
    var count = 0;
    rows.forEach(function (row) {
      var show = !!wanted[row.getAttribute('data-status')];
      row.hidden = !show;
      if (show) count++;
    });
    shown.textContent = count + ' rows shown' + note;
  }
  var match = /status=([^&]*)/.exec(decodeURIComponent(location.hash));
  if (match) {
    var only = match[1].split(',');
    boxes.forEach(function (box) { box.checked = only.indexOf(box.value) !== -1; });
  }
  form.addEventListener('change', apply);
  apply();
})();
`;

/** The CSP source that allows exactly this inline text as a script or style. */
function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Only our own script and style run: no inline handler, no other script, nothing from the network. */
const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${hashSource(CSS)}; script-src ${hashSource(SCRIPT)}; base-uri 'none'; form-action 'none'`;
