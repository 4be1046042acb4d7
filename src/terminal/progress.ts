/**
 * Progress on long work, for the person who runs it: a bar (cli-progress) when
 * stderr is a terminal; otherwise a plain line now and then, which is what a CI
 * log or a cron mail can hold; nothing with --quiet or --json.
 */
import { createRequire } from 'node:module';
import type { SingleBar } from 'cli-progress';
import { say } from '../i18n/text.js';

export type ProgressMode = 'bar' | 'lines' | 'off';

/** What the run is doing: reading the sheet, sending the plan, or (a dry run, a stopped plan) writing the report. */
export type Phase = 'reading' | 'applying' | 'reporting';
const PHASE_NAMES = { reading: 'run.progress.phase.reading', applying: 'run.progress.phase.applying', reporting: 'run.progress.phase.reporting' } as const;

export interface Progress {
  /** A phase begins: reading (total unknown), or applying or reporting (total rows of the plan). */
  start(phase: Phase, total?: number): void;
  /**
   * `rows` more rows done (one by default); `row` is the sheet row of the last.
   * Reading ticks once a batch: a clock read per row was 5% of a big validate's time.
   */
  tick(row?: number | null, rows?: number): void;
  /** Something to wait for (a retry's back-off), shown until the next tick. */
  note(text: string): void;
  stop(): void;
}

export function progressMode(stream: NodeJS.WriteStream, quiet: boolean): ProgressMode {
  if (quiet) return 'off';
  return stream.isTTY ? 'bar' : 'lines';
}

/** Plain lines: at most one per `everyMs`. */
const LINE_EVERY_MS = 5000;

/** `now` is the clock the lines are spaced by; tests give their own. */
export function createProgress(mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr, everyMs = LINE_EVERY_MS, now: () => number = Date.now): Progress {
  if (mode === 'off') return { start() {}, tick() {}, note() {}, stop() {} };
  return mode === 'bar' ? new BarProgress(stream) : new LineProgress(stream, everyMs, now);
}

/**
 * A line every `everyMs` while a phase runs; a short run prints none, so a cron
 * mail stays the summary. Waits before retries are not repeated here: they
 * are logged as warnings already.
 */
class LineProgress implements Progress {
  private phase = '';
  private total: number | undefined;
  private done = 0;
  private lastLine = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly everyMs: number,
    private readonly now: () => number,
  ) {}

  start(phase: Phase, total?: number): void {
    this.phase = say(PHASE_NAMES[phase]);
    this.total = total;
    this.done = 0;
    this.lastLine = this.now();
  }

  tick(row?: number | null, rows = 1): void {
    this.done += rows;
    if (!this.phase || this.now() - this.lastLine < this.everyMs) return;
    this.lastLine = this.now();
    this.stream.write(`${progressLine(this.phase, this.done, this.total, row)}\n`);
  }

  note(): void {}

  stop(): void {
    this.phase = '';
  }
}

/** One whole sentence per case: with or without a total, with or without the row reached. */
function progressLine(phase: string, done: number, total: number | undefined, row?: number | null): string {
  if (total === undefined) return row ? say('run.progress.lineAt', { phase, count: done, row }) : say('run.progress.line', { phase, count: done });
  return row ? say('run.progress.lineOfAt', { phase, done, total, row }) : say('run.progress.lineOf', { phase, done, total });
}

class BarProgress implements Progress {
  private bar: SingleBar | undefined;
  private done = 0;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(phase: Phase, total?: number): void {
    this.stop();
    const name = say(PHASE_NAMES[phase]);
    // Loaded only for a terminal: no cost for cron jobs and CI.
    const { SingleBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');
    // cli-progress fills its own {value}, {total}, {row} and {note}: only the word for rows is ours.
    const rows = say('run.progress.barRows');
    const format = total === undefined ? `${name} {value} ${rows} {note}` : `${name} [{bar}] {value}/{total} ${rows} {row} {note}`;
    this.bar = new SingleBar({ format, stream: this.stream, hideCursor: true, clearOnComplete: false, fps: 10 }, Presets.shades_classic);
    this.done = 0;
    this.bar.start(total ?? 0, 0, { row: '', note: '' });
  }

  tick(row?: number | null, rows = 1): void {
    this.done += rows;
    this.bar?.update(this.done, { row: row ? say('run.progress.barRow', { row }) : '', note: '' });
  }

  note(text: string): void {
    this.bar?.update(this.done, { note: `· ${text}` });
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
