// Writes the synthetic sample bundles to data/samples/<key>.json (`npm run data:samples`). Same code and
// seeds give byte-identical files; the unit test fails when a committed sample is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatBundle } from './samples/format.ts';
import { generateSample } from './samples/generate.ts';
import { SAMPLE_SPECS } from './samples/specs.ts';

const outDir = fileURLToPath(new URL('../data/samples/', import.meta.url));
mkdirSync(outDir, { recursive: true });

for (const spec of SAMPLE_SPECS) {
  const bundle = generateSample(spec);
  const text = formatBundle(bundle);
  writeFileSync(`${outDir}${spec.key}.json`, text);
  const kinds = new Map<string, number>();
  for (const org of bundle.organizations) kinds.set(org.kind, (kinds.get(org.kind) ?? 0) + 1);
  const counts = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
  console.log(
    `data/samples/${spec.key}.json: ${counts}; ${bundle.links.length} links; ${(text.length / 1024).toFixed(0)} KiB`,
  );
}
