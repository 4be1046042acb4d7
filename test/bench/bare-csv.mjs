/**
 * The floor for reading a CSV: csv-parse streaming the file into objects
 * (`columns: true`), nothing else. `node bare-csv.mjs FILE` prints the row count.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let rows = 0;
for await (const _record of createReadStream(process.argv[2]).pipe(parse({ columns: true }))) rows++;
console.log(rows);
