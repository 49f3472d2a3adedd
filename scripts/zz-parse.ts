import { generateLargeBundle } from './bench/large-bundle.ts';
import { loadBundle } from '../src/io/load-bundle.ts';
const text = generateLargeBundle({ orgs: 100000, links: 1000000, seed: 20240101 });
for (let r = 0; r < 3; r++) {
  const raw = JSON.parse(text);
  const t = performance.now();
  loadBundle(raw, {});
  console.log(`loadBundle ${(performance.now() - t).toFixed(0)} ms`);
}
