/**
 * report.html's own style and script, and the Content-Security-Policy that lets
 * exactly these two run (named by their sha256), nothing else, nothing from the network.
 */
import { createHash } from 'node:crypto';

// not for people: style rules
export const CSS = `
:root { --bad: #c62828; --good: #2e7d32; --plan: #1565c0; --line: #ddd; font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem; color: #222; }
h1 { font-size: 1.4rem; margin: .5rem 0; overflow-wrap: anywhere; } h1 small { font-weight: normal; color: #555; }
h2 { font-size: 1.05rem; margin: 0 0 .5rem; }
.verdict { font-weight: 600; padding: .4rem .7rem; border-radius: 4px; margin: .4rem 0; }
.verdict.ok { background: #e8f5e9; color: var(--good); } .verdict.bad { background: #ffebee; color: var(--bad); }
.exit { margin: .2rem 0 1rem; color: #444; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 1rem; align-items: start; }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: .8rem 1rem; min-width: 0; }
.panel p { margin: .2rem 0 .5rem; color: #555; }
.rows, .legend { grid-column: 1 / -1; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
.facts dt { color: #555; } .facts dd { margin: 0; overflow-wrap: anywhere; } .hash { font-family: ui-monospace, monospace; font-size: .8rem; word-break: break-all; }
.files { list-style: none; margin: 0 0 1rem; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; } .files span { color: #555; }
@media (min-width: 900px) { .panel.wide { grid-column: span 2; } }
.chart { max-width: 100%; height: auto; }
.chart text { font-size: 13px; fill: #222; } .chart .bar.bad rect { fill: var(--bad); } .chart .bar.good rect { fill: var(--good); } .chart .bar.plan rect { fill: var(--plan); }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; } .legend dd { margin: 0; }
.legend code { white-space: nowrap; margin-right: .4rem; }
.filter { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin-bottom: .5rem; }
.filter label { white-space: nowrap; }
.status { font-family: ui-monospace, monospace; font-size: .85rem; padding: 0 .3rem; border-radius: 3px; white-space: nowrap; }
.status.bad { background: #ffebee; color: var(--bad); } .status.good { background: #e8f5e9; color: var(--good); } .status.plan { background: #e3f2fd; color: var(--plan); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; table-layout: fixed; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
col.row { width: 3.5rem; } col.status { width: 8.5rem; } col.name { width: 9rem; } col.email { width: 14rem; } col.notes { width: 12rem; } col.contact { width: 9rem; }
:lang(zh-CN) col.status { width: 13rem; }
th { position: sticky; top: 0; background: #fafafa; }
tr.problem td:first-child { border-left: 3px solid var(--bad); }
td ul { margin: 0; padding-left: 1rem; } .num { text-align: right; } .small { font-size: .8rem; color: #555; }
.fix { color: var(--plan); } code { font-size: .8rem; }
tr[hidden] { display: none; }
footer { margin-top: 1.5rem; color: #777; font-size: .8rem; }
@media (max-width: 640px) {
  body { padding: .6rem .8rem; }
  table, tbody, tr, td { display: block; width: auto; } thead, colgroup { display: none; }
  tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .6rem; padding: .3rem .5rem; }
  tr.problem { border-left: 3px solid var(--bad); } tr.problem td:first-child { border-left: 0; }
  td { border: 0; padding: .15rem 0; } td:empty { display: none; } .num { text-align: left; }
  td[data-label]::before { content: attr(data-label); display: inline-block; min-width: 4.5rem; color: #777; font-size: .8rem; }
}
@media print { .filter, .shown { display: none; } tr[hidden] { display: table-row; } body { max-width: none; } th { position: static; } }
`;

/**
 * The filter: checkboxes by status; `#status=invalid,duplicate` preselects. No network, no library.
 * No words either: the count's sentence comes from the page (`data-shown`), so this
 * script and its hash are the same in every language. Not for people: code.
 */
export const SCRIPT = `
(function () {
  var form = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#rows tbody tr'));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name=status]'));
  var shown = document.getElementById('shown');
  var sentence = shown.getAttribute('data-shown');
  function apply() {
    var wanted = {};
    boxes.forEach(function (box) { if (box.checked) wanted[box.value] = true; });
    var count = 0;
    rows.forEach(function (row) {
      var show = !!wanted[row.getAttribute('data-status')];
      row.hidden = !show;
      if (show) count++;
    });
    shown.textContent = sentence.replace('{count}', count.toLocaleString(document.documentElement.lang));
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
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${hashSource(CSS)}; script-src ${hashSource(SCRIPT)}; base-uri 'none'; form-action 'none'`;
