/**
 * Checks of flag values that yargs does not make: a flag given twice, and a
 * number outside its range. Each failure is one line naming the flag, exit 2.
 */
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';

export interface NumberRange {
  min: number;
  max: number;
  whole: boolean;
  /** The sentence refusing a value outside the range: it names the kind of number (and its unit). */
  refusal: 'cli.number.wholeAtLeast' | 'cli.number.wholeBetween' | 'cli.number.between' | 'cli.number.secondsBetween' | 'cli.number.millisecondsBetween';
}

/** The range of each numeric flag. A timeout past 24.8 days would wrap Node's timers to 1 ms; a minute more than 10 is no longer a timeout. */
export const RANGES = {
  timeout: { min: 1, max: 600, whole: false, refusal: 'cli.number.secondsBetween' },
  maxTries: { min: 1, max: 100, whole: true, refusal: 'cli.number.wholeBetween' },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true, refusal: 'cli.number.wholeAtLeast' },
  count1: { min: 1, max: Number.MAX_SAFE_INTEGER, whole: true, refusal: 'cli.number.wholeAtLeast' },
  port: { min: 0, max: 65535, whole: true, refusal: 'cli.number.wholeBetween' },
  latency: { min: 0, max: 600_000, whole: true, refusal: 'cli.number.millisecondsBetween' },
  fraction: { min: 0, max: 1, whole: false, refusal: 'cli.number.between' },
} satisfies Record<string, NumberRange>;

/** A numeric flag inside its range, or one line saying the range. */
export function numberFlag(name: string, value: number, range: NumberRange): number {
  const { min, max, whole, refusal } = range;
  if (Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value))) return value;
  throw new InputError(say(refusal, { flag: name, min, max, value: shownNumber(value) }));
}

/** Big numbers grouped (3,000,000), easier to read than a run of digits. */
function shownNumber(value: number): string {
  if (Number.isNaN(value)) return say('cli.number.notANumber');
  return Math.abs(value) >= 1e6 && Math.abs(value) < 1e21 ? value.toLocaleString('en-US', { maximumFractionDigits: 20 }) : String(value);
}

/**
 * A flag given twice is a mistake (which --site did they mean?), not a list:
 * yargs would pass both values on as an array. None of our flags takes a list.
 */
export function refuseRepeatedFlags(args: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(args)) {
    if (key === '_' || !Array.isArray(value)) continue;
    const flag = key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    throw new InputError(say('cli.flag.repeated', { flag, count: value.length, values: value.join(', ') }));
  }
}
