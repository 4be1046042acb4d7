// Loaded with `node --import`: prints every module URL the program resolves, so a
// test can see which packages a command loads: ES modules through a resolve hook
// (hooks run on their own thread), CommonJS ones (`require`, createRequire) as
// Node finds their files.
import Module, { register } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

const hook = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stderr.write('resolved ' + resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  if (isAbsolute(file)) process.stderr.write('resolved ' + pathToFileURL(file).href + '\n');
  return file;
};
