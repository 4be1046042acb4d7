/** iconv-lite, loaded on first use: a UTF-8 sheet (most of them) needs it not at all. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export type Iconv = typeof import('iconv-lite');
let iconv: Iconv | undefined;

export const loadIconv = (): Iconv => (iconv ??= require('iconv-lite') as Iconv);
