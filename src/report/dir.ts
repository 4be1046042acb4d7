/** Where a run's report goes: `--report-dir`, or `reports/<yyyymmdd-hhmmss>-<sheet name>/`. */
import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  );
}

export function chooseReportDir(cwd: string, sheetPath: string, reportDir: string | undefined, now: Date): string {
  if (reportDir) return resolve(cwd, reportDir);
  const sheetName = basename(sheetPath, extname(sheetPath)).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'sheet';
  const base = resolve(cwd, 'reports', `${stamp(now)}-${sheetName}`);
  // Two runs in the same second must not share a folder.
  let dir = base;
  for (let n = 2; existsSync(dir); n++) dir = `${base}-${n}`;
  return dir;
}

export function displayPath(cwd: string, path: string): string {
  const relative = displayFile(cwd, path);
  return relative.endsWith('/') ? relative : relative + '/';
}

/** A file's path as a person would type it from where they ran the command. */
export function displayFile(cwd: string, path: string): string {
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
}

