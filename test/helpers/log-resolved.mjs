// Loaded with `node --import`: prints every module URL the program resolves, so a
// test can see which packages a command loads (hooks run on their own thread).
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stderr.write('resolved ' + resolved.url + '\\n');
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
