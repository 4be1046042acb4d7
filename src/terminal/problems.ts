/** The row problems a person sees on the console; the report has them all. */
import { say } from '../i18n/text.js';
import type { Logger } from './log.js';
import { problemLines } from './summary-lines.js';
import type { RowResult } from '../report/types.js';
import { REPORT_FILES } from '../report/writer.js';

/**
 * Prints each row's problems to the console, up to a limit; the report has them all.
 * Rows past the contact limit get one line for all of them.
 */
export class ProblemPrinter {
  private shown = 0;
  private hidden = 0;
  private overQuota: { first: number; last: number; count: number } | undefined;

  constructor(
    private readonly log: Logger,
    private readonly max: number,
  ) {}

  print(result: RowResult): void {
    if (result.status === 'over_quota' && result.row !== null) {
      this.overQuota ??= { first: result.row, last: result.row, count: 0 };
      this.overQuota.last = result.row;
      this.overQuota.count++;
      return;
    }
    if (result.errors.length === 0) return;
    if (this.shown >= this.max) {
      this.hidden += result.errors.length; // counted, not worded: a big sheet may have a million
      return;
    }
    for (const line of problemLines(result, this.log.mask)) {
      if (this.shown < this.max) {
        this.log.info(line);
        this.shown++;
      } else this.hidden++;
    }
  }

  printHidden(): void {
    if (this.overQuota) {
      const { first, last, count } = this.overQuota;
      this.log.info(`  ${count === 1 ? say('run.problem.overQuotaOne', { row: first }) : say('run.problem.overQuota', { count, first, last })}`);
    }
    if (this.hidden > 0) this.log.info(`  ${say('run.problem.more', { count: this.hidden, file: REPORT_FILES.csv })}`);
  }
}
