/**
 * The quota rule, for `import` (against the directory as listed) and `validate`
 * (against an empty directory): new contacts take the room under the contact
 * limit in sheet order; the rest are over_quota, with one message.
 */
import { say } from '../i18n/text.js';
import type { RowResult } from '../report/types.js';

export class Room {
  /** The directory's count before the run (0 when assumed empty). */
  readonly existing: number;
  /** Places left under the limit before the run (never negative: a limit set below the directory's count leaves none). */
  readonly size: number;
  private taken = 0;
  /** What an over_quota row says. */
  private readonly message: string;

  /** `counted`: the directory's contacts as listed; null for validate, which reads none and assumes an empty directory. */
  constructor(
    readonly limit: number,
    counted: number | null,
  ) {
    this.existing = counted ?? 0;
    this.size = Math.max(0, limit - this.existing);
    this.message =
      counted === null
        ? say('judge.quota.validate', { limit })
        : say('judge.quota.import', { existing: this.existing, limit });
  }

  /** New contacts that found room so far. */
  get planned(): number {
    return this.taken;
  }

  /** Takes a place for one new contact; false when none is left. */
  take(): boolean {
    if (this.taken >= this.size) return false;
    this.taken++;
    return true;
  }

  /** A row that found no room. */
  overQuota(result: RowResult): RowResult {
    return { ...result, status: 'over_quota', errors: [{ field: null, code: 'LimitExceeded.Contacts', message: this.message }] };
  }
}

/** The room left after a run (or a plan): the directory's count then, never below zero. */
export function roomLeft(limit: number, existing: number, added: number, deleted: number): number {
  return Math.max(0, limit - (existing + added - deleted));
}
