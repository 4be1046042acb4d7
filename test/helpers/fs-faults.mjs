// Loaded with `node --import`: makes file operations under a folder fail the way
// a full disk or a read-only folder does, without either. FS_FAULTS is a JSON
// list of { op: "mkdir" | "open" | "write", under: "/abs/folder", code: "ENOSPC",
// afterBytes?: n }: mkdir and open (for writing) fail at once; writes fail once
// `afterBytes` bytes have gone to files opened under the folder. An open fault
// with `hang: true` instead of a code never answers (a promise that never settles).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const faults = JSON.parse(process.env.FS_FAULTS ?? '[]');
const promises = fs.promises;
const faultFor = (op, path) => faults.find((f) => f.op === op && String(path).startsWith(f.under));
const failure = (fault, syscall, path) => Object.assign(new Error(`${fault.code}: injected, ${syscall} '${path}'`), { code: fault.code, syscall, path: String(path) });

const realMkdir = promises.mkdir;
promises.mkdir = async function mkdir(path, options) {
  const fault = faultFor('mkdir', path);
  if (fault) throw failure(fault, 'mkdir', path);
  return realMkdir.call(this, path, options);
};

/** Files opened under a folder with a write fault, and the bytes written to them. */
const watched = new WeakMap();
const realOpen = promises.open;
promises.open = async function open(path, flags = 'r', mode) {
  const writing = typeof flags === 'number' ? (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) !== 0 : !/^r$/.test(flags);
  const fault = writing ? faultFor('open', path) : undefined;
  if (fault?.hang) return new Promise(() => {});
  if (fault) throw failure(fault, 'open', path);
  const handle = await realOpen.call(this, path, flags, mode);
  const writeFault = faultFor('write', path);
  if (writeFault) watched.set(handle, { fault: writeFault, path });
  return handle;
};

let written = 0;
const sizeOf = (data) => (typeof data === 'string' ? Buffer.byteLength(data) : Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength);
const probe = await realOpen(process.execPath, 'r');
const FileHandle = Object.getPrototypeOf(probe);
await probe.close();
for (const name of ['write', 'writev', 'writeFile']) {
  const real = FileHandle[name];
  FileHandle[name] = async function (data, ...rest) {
    const file = watched.get(this);
    if (file) {
      const bytes = name === 'write' && typeof data !== 'string' && typeof rest[1] === 'number' ? rest[1] : sizeOf(data);
      if (written + bytes > (file.fault.afterBytes ?? 0)) throw failure(file.fault, 'write', file.path);
      written += bytes;
    }
    return real.call(this, data, ...rest);
  };
}
syncBuiltinESMExports();
