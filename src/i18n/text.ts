/**
 * Every sentence meant for a person comes from the catalogue through `say`:
 * a key and its parameters, never fragments joined. The language is set once,
 * when the command line is read (`useLanguage`), before anything is said.
 */
import { CATALOGUE, type Entry, type Texts } from './catalogue.js';
import type { Language } from './language.js';

export type MessageKey = keyof typeof CATALOGUE;

/** The `{name}` placeholders of a text. */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type EnglishOf<E> = E extends { en: infer T } ? (T extends string ? T : T extends { other: infer O } ? O : never) : never;
type ParamNames<K extends MessageKey> = Placeholders<EnglishOf<(typeof CATALOGUE)[K]>>;
export type ParamsOf<K extends MessageKey> = { [P in ParamNames<K>]: string | number };
/** A key whose text takes no parameters: a table of such keys can be said without any. */
export type PlainKey = { [K in MessageKey]: [ParamNames<K>] extends [never] ? K : never }[MessageKey];
type ParamArgs<K extends MessageKey> = [ParamNames<K>] extends [never] ? [] : [ParamsOf<K>];

let current: Language = 'en';

export function useLanguage(language: Language): void {
  current = language;
}

export function currentLanguage(): Language {
  return current;
}

/** The text of `key` in the run's language (or `language`), its placeholders filled. */
export function say<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string {
  return sayIn(current, key, ...params);
}

export function sayIn<K extends MessageKey>(language: Language, key: K, ...params: ParamArgs<K>): string {
  const entry = CATALOGUE[key] as Entry;
  const values = (params[0] ?? {}) as Record<string, string | number>;
  return fill(chooseForm(entry[language], language, values), values);
}

/** English texts that depend on a count have a `one` and an `other` form; Chinese has one form. */
function chooseForm(text: Texts, language: Language, values: Record<string, string | number>): string {
  if (typeof text === 'string') return text;
  const count = Number(values.count);
  return new Intl.PluralRules(language).select(count) === 'one' ? text.one : text.other;
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
