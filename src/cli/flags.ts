/**
 * Checks of flag values that yargs does not make: a flag given twice, and a
 * number outside its range. Each failure is one line naming the flag, exit 2.
 */
import { InputError } from '../errors.js';

export interface NumberRange {
  min: number;
  max: number;
  whole: boolean;
  unit?: string;
}

/** The range of each numeric flag. A timeout past 24.8 days would wrap Node's timers to 1 ms; a minute more than 10 is no longer a timeout. */
export const RANGES = {
  timeout: { min: 1, max: 600, whole: false, unit: 'seconds' },
  maxTries: { min: 1, max: 100, whole: true },
  count: { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true },
  count1: { min: 1, max: Number.MAX_SAFE_INTEGER, whole: true },
  port: { min: 0, max: 65535, whole: true },
  latency: { min: 0, max: 600_000, whole: true, unit: 'milliseconds' },
  fraction: { min: 0, max: 1, whole: false },
} satisfies Record<string, NumberRange>;

/** A numeric flag inside its range, or one line saying the range. */
export function numberFlag(name: string, value: number, range: NumberRange): number {
  const { min, max, whole, unit } = range;
  if (Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value))) return value;
  const kind = `${whole ? 'a whole number' : 'a number'}${unit ? ` of ${unit}` : ''}`;
  const bounds = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
  throw new InputError(`--${name} must be ${kind} ${bounds}, got ${shownNumber(value)}`);
}

/** Big numbers grouped (3,000,000), easier to read than a run of digits. */
function shownNumber(value: number): string {
  if (Number.isNaN(value)) return 'something that is not a number';
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
    throw new InputError(`--${flag} is given ${value.length} times (${value.join(', ')}); give it once`);
  }
}
