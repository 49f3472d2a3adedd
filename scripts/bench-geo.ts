// Benchmarks src/geo: county index build time and point-in-county lookups per second over 100k random
// points in the contiguous-US bounding box, and the ZIP geocoder's build and lookup rates.
// Run: npx tsx scripts/bench-geo.ts
import { readFileSync } from 'node:fs';
import { createCountyIndex } from '../src/geo/county-index.ts';
import { loadCountyTopology } from '../src/workers/reference-files.ts';
import { createZipGeocoder } from '../src/geo/zip-geocoder.ts';

const POINTS = 100_000;
const ROUNDS = 5;

/** Deterministic points so runs compare; a small LCG is enough for spreading points over a box. */
function randomPoints(count: number, seed: number): Float64Array {
  const out = new Float64Array(count * 2);
  let state = seed >>> 0;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < count; i++) {
    out[2 * i] = -124.8 + next() * (124.8 - 66.9);
    out[2 * i + 1] = 24.5 + next() * (49.4 - 24.5);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const topology = await loadCountyTopology();

// The first build runs cold (no JIT), which is what the app pays once per page load.
const coldStart = performance.now();
let index = createCountyIndex(topology);
const coldMs = performance.now() - coldStart;
const buildMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const start = performance.now();
  index = createCountyIndex(topology);
  buildMs.push(performance.now() - start);
}

const points = randomPoints(POINTS, 42);
const lookupRates: number[] = [];
let inside = 0;
for (let round = 0; round < ROUNDS; round++) {
  inside = 0;
  const start = performance.now();
  for (let i = 0; i < POINTS; i++) {
    if (index.countyAt(points[2 * i] ?? NaN, points[2 * i + 1] ?? NaN) !== null) inside++;
  }
  lookupRates.push(POINTS / ((performance.now() - start) / 1000));
}

const zipTable: unknown = JSON.parse(
  readFileSync(new URL('../data/reference/zips.json', import.meta.url), 'utf8'),
);
const zipBuildMs: number[] = [];
let zips = createZipGeocoder(zipTable).geocoder;
for (let round = 0; round < ROUNDS; round++) {
  const start = performance.now();
  zips = createZipGeocoder(zipTable).geocoder;
  zipBuildMs.push(performance.now() - start);
}
const zipQueries = Array.from({ length: POINTS }, (_, i) => String((i * 7919) % 100_000).padStart(5, '0'));
const zipRates: number[] = [];
let found = 0;
for (let round = 0; round < ROUNDS; round++) {
  found = 0;
  const start = performance.now();
  for (const zip of zipQueries) if (zips.lookup(zip) !== null) found++;
  zipRates.push(POINTS / ((performance.now() - start) / 1000));
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
console.log(`node ${process.version}, median of ${ROUNDS} rounds`);
console.log(
  `county index: ${index.size} counties, build ${coldMs.toFixed(1)} ms cold, ${median(buildMs).toFixed(1)} ms warm`,
);
console.log(
  `countyAt: ${fmt(median(lookupRates))} lookups/s over ${fmt(POINTS)} random points (${fmt(inside)} in a county)`,
);
console.log(`ZIP geocoder: ${zips.size} ZIPs, build ${median(zipBuildMs).toFixed(1)} ms`);
console.log(`lookup: ${fmt(median(zipRates))} lookups/s (${fmt(found)} of ${fmt(POINTS)} queries found)`);
