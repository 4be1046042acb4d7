// Preloaded with `node --expose-gc -r` by memory tests: prints the most heap the
// process kept alive, measured after a full collection every 100 ms. Garbage
// waiting to be collected depends on the collector's mood; live memory does not.
let peak = 0;
const sample = () => {
  global.gc();
  const used = process.memoryUsage().heapUsed;
  if (used > peak) peak = used;
};
setInterval(sample, 100).unref();
process.on('exit', () => {
  sample();
  process.stderr.write(`heap-peak-bytes ${peak}\n`);
});
