// One build-region run for the records bench, in a process of its own so that its peak memory (DuckDB's
// native memory included) is its own: prints one JSON line { ms, maxRssMb, exitCode, errors }.
import { buildRegionCommand } from '../cli/build-region.ts';

const [output, ...files] = process.argv.slice(2);
const start = performance.now();
const result = await buildRegionCommand({
  files,
  output: output!,
  region: 'imcp-chicago-metro-metal',
  counties: [],
});
const ms = performance.now() - start;
console.log(
  JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    exitCode: result.exitCode,
    errors: result.errors ?? [],
    summary: result.lines.at(-1) ?? '',
  }),
);
