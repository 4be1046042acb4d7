// Preloaded (`node --require`) into every process the benchmark measures: on
// exit, writes the process's peak resident set size in bytes to the file named
// by BENCH_RSS_FILE. Whole-process figures, the same way for the CLI and for
// the bare readers it is compared with.
const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    require('node:fs').writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
