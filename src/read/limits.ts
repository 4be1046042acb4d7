/**
 * Limits on what a sheet may be, so a hostile or broken file ends with one line
 * and exit 2 instead of eating the machine: file size, rows, cell length and,
 * for XLSX, how much the zip may unpack to.
 */
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_CELL_LENGTH, DEFAULT_MAX_ROWS } from '../defaults.js';
import { InputError } from '../errors.js';
import { say } from '../i18n/text.js';

export interface InputLimits {
  /** `--max-bytes`: largest file read. */
  maxBytes: number;
  /** `--max-rows`: most data rows (blank rows not counted). */
  maxRows: number;
  /** Longest cell, in characters. */
  maxCellLength: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: InputLimits = {
  maxBytes: DEFAULT_MAX_BYTES,
  maxRows: DEFAULT_MAX_ROWS,
  maxCellLength: DEFAULT_MAX_CELL_LENGTH,
};

/**
 * An XLSX may unpack to this many times `maxBytes` (1 GiB by default). Real
 * workbooks compress 5–15 times; a zip bomb, thousands of times.
 */
export const UNZIPPED_PER_BYTE = 20;

/** Bytes an XLSX may unpack to: the reader, and a copy loaded whole, stop there. */
export function maxUnzipped(limits: InputLimits): number {
  return limits.maxBytes * UNZIPPED_PER_BYTE;
}

/** The longest CSV record csv-parse may build: a row of 50 full cells. A quote left open stops there. */
export function maxRecordLength(limits: InputLimits): number {
  return limits.maxCellLength * 50;
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: MiB, g: 1024 * MiB };

/** `52428800`, `50MB`, `50M`, `1.5GiB` → bytes; throws InputError for anything else. */
export function parseByteSize(option: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(text);
  const bytes = match ? Math.round(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!) : NaN;
  if (!Number.isFinite(bytes) || bytes <= 0) throw new InputError(say('read.limit.size', { option, text }));
  return bytes;
}

/** 52428800 → "50 MB" (binary units, as `--max-bytes` reads them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [unit, size] = bytes < MiB ? ['KB', 1024] : bytes < 1024 * MiB ? ['MB', MiB] : ['GB', 1024 * MiB];
  const value = bytes / (size as number);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
