/**
 * Text bound for a terminal, made to show as what it is. A cell, a file name or
 * a server's message can hold control characters (ESC starts ANSI and OSC
 * sequences that recolour, retitle or rewrite the screen; CR overwrites the
 * line) and bidirectional overrides (U+202E makes the rest of a line read
 * backwards), so a line could say something other than what it holds. Each is
 * shown as an escape instead: `\x1b`, `\u202e`.
 */

/** C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates; line and paragraph separators too. */
const UNSAFE_CLASS = '\\x00-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const HAS_UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`);
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`, 'g');
/** The same, less C0 (JSON.stringify escapes those already). */
const UNSAFE_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return NAMED[char] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One line for the terminal: every control and bidi character shown as an escape. */
export function terminalText(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, escaped) : text;
}

/** JSON for stdout: the same value, with the characters JSON leaves raw written as `\u` escapes too. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
