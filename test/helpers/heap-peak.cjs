// Preloaded with `node -r` by memory tests: prints the process's peak V8 heap use on exit.
let peak = 0;
const sample = () => {
  const used = process.memoryUsage().heapUsed;
  if (used > peak) peak = used;
};
setInterval(sample, 20).unref();
process.on('exit', () => {
  sample();
  process.stderr.write(`heap-peak-bytes ${peak}\n`);
});
