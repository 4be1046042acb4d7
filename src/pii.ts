/**
 * Contact details kept out of logs: console and log lines end up in CI systems
 * and chat, where nobody meant to publish an address book. A line that quotes an
 * email or phone is built with a Mask, where the value is put into it: never by
 * scanning finished text for what looks like one. Emails keep their first
 * letter and domain (`t***@example.com`), phones their first and last digits
 * (`86-139****5678`): enough to tell which row a line is about. The report
 * files keep full values; `--show-pii` shows them on the console too.
 */

/** How a line shows the personal values it quotes. */
export interface Mask {
  /** Whether values are shown in full (`--show-pii`, the report files). */
  readonly showPii: boolean;
  email(value: string): string;
  phone(value: string): string;
}

export type PersonalField = 'email' | 'phone';

export const SHOW_PII: Mask = { showPii: true, email: (value) => value, phone: (value) => value };
export const MASK_PII: Mask = { showPii: false, email: maskEmail, phone: maskPhone };

/** `john.smith@example.com` → `j***@example.com`; the full-width `＠` too. A value with no `@` keeps its first character only. */
export function maskEmail(value: string): string {
  const at = Math.max(value.lastIndexOf('@'), value.lastIndexOf('＠'));
  const first = [...value][0] ?? '';
  return at < 0 ? `${first}***` : `${first}***${value.slice(at)}`;
}

/** Masks the four digits before the last four: `86-13912345678` → `86-139****5678`. */
export function maskPhone(value: string): string {
  const digits = [...value].filter((c) => c >= '0' && c <= '9').length;
  let seen = 0;
  return [...value]
    .map((c) => {
      if (c < '0' || c > '9') return c;
      seen++;
      return seen > digits - 8 && seen <= digits - 4 ? '*' : c;
    })
    .join('');
}

/** A verification target, an email or a phone, as `mask` shows it. */
export function shownTarget(mask: Mask, target: string): string {
  return /[@＠]/.test(target) ? mask.email(target) : mask.phone(target);
}

/**
 * A message that may quote personal values: `message` has them in full (the
 * report), `masked` masked (the console and log.jsonl), absent when it quotes none.
 */
export interface Worded {
  message: string;
  masked?: string;
}

/** Builds a message twice, once per way of showing `value`, so the console never gets the full one. */
export function worded(field: PersonalField, value: string, build: (shown: string) => string): Worded {
  return { message: build(value), masked: build(MASK_PII[field](value)) };
}

/** The text of a message as `mask` wants it shown. */
export function shown(mask: Mask, text: Worded): string {
  return mask.showPii ? text.message : (text.masked ?? text.message);
}

/**
 * Text we did not build (the service's answer to a request) with the personal
 * values of that request masked, as sent and URL-encoded: we know which values
 * the request carried, so we mask those exact values rather than guess.
 */
export function maskSent(text: string, sent: { field: PersonalField; value: string }[]): string | undefined {
  let masked = text;
  for (const { field, value } of sent) {
    if (value === '') continue;
    for (const form of new Set([value, encodeURIComponent(value)])) masked = masked.split(form).join(MASK_PII[field](value));
  }
  return masked === text ? undefined : masked;
}
