// Seeded randomness for the sample generator: d3-random's LCG feeds every draw, so the same seed always
// gives the same samples. Independent streams (`fork`) keep one phase's draws from shifting another's.
import { randomLcg, randomLogNormal, randomNormal, randomUniform } from 'd3-random';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number;
  normal(mu: number, sigma: number): number;
  /** exp(N(ln median, sigma)): positive, right-skewed, like firm sizes and contract values. */
  logNormal(median: number, sigma: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** `count` distinct items (fewer when there are not enough), weighted, without replacement. */
  sample<T>(items: readonly T[], count: number, weight?: (item: T) => number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** A new stream derived from this seed and a label. */
  fork(label: string): Rng;
}

/** FNV-1a: mixes a label into a seed so that forks with different labels differ. Not a PRNG. */
function mixSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // randomLcg reads seeds ≥ 1 as integer states; keep it positive and non-zero.
  return (hash % 0x7fffffff) + 1;
}

export function createRng(seed: number): Rng {
  const source = randomLcg(seed);
  const unit = randomUniform.source(source)(0, 1);
  const standardNormal = randomNormal.source(source)(0, 1);
  const standardLogNormal = randomLogNormal.source(source)(0, 1);

  const rng: Rng = {
    next: unit,
    uniform: (min, max) => min + (max - min) * unit(),
    int: (min, max) => min + Math.floor(unit() * (max - min + 1)),
    normal: (mu, sigma) => mu + sigma * standardNormal(),
    logNormal: (median, sigma) => median * Math.pow(standardLogNormal(), sigma),
    chance: (p) => unit() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(unit() * items.length)] as T;
    },
    weighted<T>(items: readonly T[], weight: (item: T) => number): T {
      if (items.length === 0) throw new Error('weighted pick from an empty list');
      let total = 0;
      for (const item of items) total += weight(item);
      let target = unit() * total;
      for (const item of items) {
        target -= weight(item);
        if (target < 0) return item;
      }
      return items[items.length - 1] as T;
    },
    sample<T>(items: readonly T[], count: number, weight: (item: T) => number = () => 1): T[] {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < count && pool.length > 0) {
        const chosen = rng.weighted(pool, weight);
        out.push(chosen);
        pool.splice(pool.indexOf(chosen), 1);
      }
      return out;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(unit() * (i + 1));
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
    fork: (label) => createRng(mixSeed(seed, label)),
  };
  return rng;
}
