// Generates the JSON text of a large, valid, synthetic Forgemap bundle v1 for benchmarks: national-scale
// organizations in real counties (placed at the centroids of their real ZIPs) and supply links that flow up
// tiers toward primes. Seeded with d3's LCG, so the same options always give the same text.
import { readFileSync } from 'node:fs';
import { randomLcg } from 'd3-random';

export interface LargeBundleOptions {
  orgs: number;
  links: number;
  seed: number;
}

/** Id of the synthetic region of the 50 counties holding the most organizations (the bundle's home region). */
export const BENCH_REGION_ID = 'bench-top50';
const REGION_COUNTIES = 50;

/** Manufacturing NAICS 2017 codes (all checked against data/reference/naics2017.json by the test). */
export const MANUFACTURING_NAICS: readonly string[] = (
  '331110 331210 331221 331318 331491 331511 331512 331524 332111 332112 ' +
  '332114 332119 332215 332312 332313 332322 332323 332410 332420 332510 ' +
  '332613 332710 332721 332722 332811 332812 332813 332912 332919 332991 ' +
  '332994 332996 332999 333249 333314 333413 333511 333514 333515 333517 ' +
  '333519 333612 333613 333618 333914 333995 334220 334290 334412 334413 ' +
  '334418 334419 334511 334513 334515 335312 335931 335999 336330 336390 ' +
  '336411 336412 336413 336414 336419 326199 327215 339113'
).split(' ');
const PRIME_NAICS: readonly string[] = ['336411', '336414', '336992', '336611', '336111', '333111', '333120'];
const TRAINING_NAICS: readonly string[] = ['611210', '611519', '611310'];
const SUPPORT_NAICS: readonly string[] = ['541330', '541715', '926110', '813910', '561990'];

/** Capabilities that are not NAICS codes; the bundle labels them in its `capabilities` table. */
export const NAMED_CAPABILITIES: readonly { id: string; label: string; naics: string }[] = [
  { id: '5-axis-machining', label: '5-axis CNC machining of complex parts', naics: '332710' },
  { id: 'swiss-turning', label: 'Swiss-type CNC turning', naics: '332721' },
  { id: 'nadcap-heat-treat', label: 'Nadcap-accredited heat treating', naics: '332811' },
  { id: 'nadcap-chem-processing', label: 'Nadcap-accredited chemical processing', naics: '332813' },
  { id: 'nadcap-ndt', label: 'Nadcap-accredited nondestructive testing', naics: '541380' },
  { id: 'hot-isostatic-pressing', label: 'Hot isostatic pressing (HIP)', naics: '332811' },
  { id: 'cmm-inspection', label: 'Coordinate-measuring-machine inspection', naics: '541380' },
  { id: 'robotic-welding', label: 'Robotic welding cells', naics: '332312' },
  { id: 'metal-additive', label: 'Metal additive manufacturing (powder bed fusion)', naics: '332710' },
  { id: 'composite-layup', label: 'Aerospace composite layup and cure', naics: '336413' },
  { id: 'wire-harness', label: 'Wire harness and cable assembly', naics: '335931' },
  { id: 'pcb-assembly', label: 'Printed circuit board assembly (SMT)', naics: '334418' },
  { id: 'precision-grinding', label: 'Precision grinding', naics: '332710' },
  { id: 'investment-casting', label: 'Investment casting', naics: '331512' },
];

const CERTIFICATIONS: readonly string[] = [
  'ISO 9001',
  'AS9100',
  'ITAR',
  'NADCAP-HT',
  'NADCAP-NDT',
  'NADCAP-CP',
  'CMMC-L2',
  'ISO 13485',
  'IATF 16949',
  'ISO 14001',
];

const PLACE_WORDS: readonly string[] = [
  'Ironwood',
  'Bluestem',
  'Cedar Bend',
  'Northfield',
  'Granite Ridge',
  'Prairie Forge',
  'Redtail',
  'Silver Creek',
  'Lakeshore',
  'Stonebridge',
  'Copperline',
  'Harbor Point',
  'Maple Hollow',
  'Summit Vale',
  'Tallgrass',
  'Westbrook',
  'Oak Run',
  'Riverbend',
  'Pinecrest',
  'Eagle Flats',
  'Foxglove',
  'Highmark',
  'Kestrel',
  'Larkspur',
  'Millrace',
  'Orchard Hill',
  'Quarry Lane',
  'Sandhill',
  'Thornbury',
  'Wolf Creek',
];
const TRADE_WORDS: readonly string[] = [
  'Precision',
  'Machining',
  'Fabrication',
  'Metalworks',
  'Tool & Die',
  'Castings',
  'Forge',
  'Components',
  'Manufacturing',
  'Industries',
  'Engineering',
  'Stamping',
  'Finishing',
  'Electronics',
  'Composites',
  'Gear',
  'Hydraulics',
  'Instruments',
  'Welding',
  'Coatings',
];
const FIRM_SUFFIXES: readonly string[] = ['LLC', 'Inc.', 'Co.', 'Corp.', 'Ltd.', 'Group'];
const PRIME_WORDS: readonly string[] = ['Defense Systems', 'Aerospace', 'Vehicle Systems', 'Marine Systems'];
const TRAINING_WORDS: readonly string[] = [
  'Community College',
  'Technical College',
  'Manufacturing Training Center',
  'Institute of Technology',
];
const SUPPORT_WORDS: readonly string[] = [
  'Manufacturing Extension Partnership',
  'Economic Development Council',
  'Innovation Lab',
  'Supplier Development Office',
];
const STREETS: readonly string[] = [
  'Industrial Pkwy',
  'Commerce Dr',
  'Enterprise Ave',
  'Foundry Rd',
  'Mill St',
];

/** Territories with too few counties to matter; the benchmark spreads over the states and DC. */
const SKIPPED_STATES = new Set(['AS', 'GU', 'MP', 'VI']);

/** Manufacturer tier shares: tier 1 sells to primes, tier k to tier k−1. */
const TIER_SHARES: readonly number[] = [0.2, 0.35, 0.3, 0.15];
const DEEPEST_TIER = TIER_SHARES.length;
/** Median annual value (USD) of a supply link by the supplier's tier. */
const VALUE_MEDIAN: readonly number[] = [0, 2_000_000, 400_000, 150_000, 60_000];

interface Zip {
  zip: string;
  lat: number;
  lon: number;
  city: string;
  state: string;
}

interface County {
  fips: string;
  state: string;
  zips: Zip[];
}

let cachedCounties: County[] | null = null;

/** Real counties that have at least one ZIP with coordinates, in FIPS order. */
function loadCounties(): County[] {
  if (cachedCounties !== null) return cachedCounties;
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../data/reference/${name}`, import.meta.url), 'utf8'));
  const countyRows = rowsOf(read('counties.json'));
  const zipRows = rowsOf(read('zips.json'));
  const zipsByCounty = new Map<string, Zip[]>();
  for (const row of zipRows) {
    if (!Array.isArray(row)) continue;
    const [zip, lat, lon, county, city, state] = row as unknown[];
    if (typeof zip !== 'string' || typeof lat !== 'number' || typeof lon !== 'number') continue;
    if (typeof county !== 'string' || typeof city !== 'string' || typeof state !== 'string') continue;
    let list = zipsByCounty.get(county);
    if (list === undefined) zipsByCounty.set(county, (list = []));
    list.push({ zip, lat, lon, city, state });
  }
  const counties: County[] = [];
  for (const row of countyRows) {
    const { fips, state } = row as { fips?: unknown; state?: unknown };
    if (typeof fips !== 'string' || typeof state !== 'string' || SKIPPED_STATES.has(state)) continue;
    const zips = zipsByCounty.get(fips);
    if (zips !== undefined && zips.length > 0) counties.push({ fips, state, zips });
  }
  counties.sort((a, b) => (a.fips < b.fips ? -1 : a.fips > b.fips ? 1 : 0));
  if (counties.length === 0) throw new Error('no counties with ZIPs in data/reference');
  cachedCounties = counties;
  return counties;
}

function rowsOf(table: unknown): unknown[] {
  const rows = (table as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) throw new Error('reference table without rows');
  return rows;
}

/** Fast seeded draws: everything comes from one d3 LCG stream. */
function createDraws(seed: number) {
  const next = randomLcg(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p: number): boolean => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    /** Skewed toward the start of `items`: a few early entries are picked often (big buyers). */
    skewed: <T>(items: readonly T[], power: number): T =>
      items[Math.floor(items.length * next() ** power)] as T,
    /** exp(N(ln median, sigma)) by Box–Muller. */
    logNormal(median: number, sigma: number): number {
      const u = 1 - next();
      const v = next();
      return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    },
    /** `count` distinct items. */
    distinct<T>(items: readonly T[], count: number): T[] {
      const out: T[] = [];
      for (let guard = 0; out.length < Math.min(count, items.length) && guard < count * 20; guard++) {
        const item = items[int(items.length)] as T;
        if (!out.includes(item)) out.push(item);
      }
      return out;
    },
    code(length: number): string {
      const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
      return out;
    },
  };
}
type Draws = ReturnType<typeof createDraws>;

/** Picks an index with probability proportional to its weight, by binary search on the running sums. */
function weightedIndex(cumulative: Float64Array, draws: Draws): number {
  const target = draws.next() * (cumulative[cumulative.length - 1] ?? 0);
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const KIND_CODES = ['prime', 'manufacturer', 'training', 'support'] as const;
const PRIME = 0;
const MANUFACTURER = 1;
const TRAINING = 2;
const SUPPORT = 3;

const round4 = (n: number): number => Math.round(n * 1e4) / 1e4;

export function generateLargeBundle(options: LargeBundleOptions): string {
  const orgCount = Math.max(0, Math.floor(options.orgs));
  const linkCount = Math.max(0, Math.floor(options.links));
  const draws = createDraws(options.seed);
  const counties = loadCounties();

  // Manufacturing concentrates where people live: weight counties by ZIP count (a population proxy),
  // sharpened and jittered so a few dozen counties become hubs.
  const countyWeights = new Float64Array(counties.length);
  let running = 0;
  counties.forEach((county, i) => {
    running += county.zips.length ** 1.4 * draws.logNormal(1, 0.6);
    countyWeights[i] = running;
  });

  const idWidth = Math.max(5, String(Math.max(orgCount - 1, 0)).length);
  const ids: string[] = new Array<string>(orgCount);
  const kind = new Uint8Array(orgCount);
  const tier = new Uint8Array(orgCount);
  const stateOf = new Uint16Array(orgCount);
  const offers: string[][] = new Array<string[]>(orgCount);
  const trainsOf: string[][] = new Array<string[]>(orgCount);
  const countyUse = new Uint32Array(counties.length);
  const stateIndex = new Map<string, number>();
  const orgJson: string[] = new Array<string>(orgCount);

  // Kinds: the first slots guarantee at least one prime and one of each other kind in small bundles.
  const kindOf = (i: number): number => {
    if (i < 4 && orgCount >= 8) return [PRIME, TRAINING, SUPPORT, MANUFACTURER][i]!;
    const u = draws.next();
    return u < 0.01 ? PRIME : u < 0.91 ? MANUFACTURER : u < 0.96 ? TRAINING : SUPPORT;
  };
  const tierDraw = (): number => {
    let u = draws.next();
    for (let t = 0; t < TIER_SHARES.length; t++) {
      u -= TIER_SHARES[t]!;
      if (u < 0) return t + 1;
    }
    return DEEPEST_TIER;
  };

  const capabilitySlugs = NAMED_CAPABILITIES.map((c) => c.id);
  const skills = [...MANUFACTURING_NAICS, ...capabilitySlugs];

  for (let i = 0; i < orgCount; i++) {
    const id = `org-${String(i).padStart(idWidth, '0')}`;
    ids[i] = id;
    const k = kindOf(i);
    kind[i] = k;
    tier[i] = k === PRIME ? 0 : k === MANUFACTURER ? tierDraw() : 255;
    const countyAt = weightedIndex(countyWeights, draws);
    countyUse[countyAt]!++;
    const county = counties[countyAt]!;
    let s = stateIndex.get(county.state);
    if (s === undefined) stateIndex.set(county.state, (s = stateIndex.size));
    stateOf[i] = s;
    const zip = draws.pick(county.zips);

    let name: string;
    let naics: string[];
    let capabilities: string[] = [];
    let certifications: string[] = [];
    let employees: number;
    let trains: string[] = [];
    let needs = '';
    const place = draws.pick(PLACE_WORDS);
    if (k === PRIME) {
      name = `${place} ${draws.pick(PRIME_WORDS)} ${draws.pick(FIRM_SUFFIXES)}`;
      naics = draws.distinct(PRIME_NAICS, 1 + draws.int(2));
      certifications = draws.distinct(['AS9100', 'ITAR', 'CMMC-L2', 'ISO 9001'], 2 + draws.int(3));
      employees = Math.round(draws.logNormal(6000, 0.9)) + 500;
      if (draws.chance(0.4)) {
        const wanted = draws.distinct(skills, 1 + draws.int(4));
        needs = wanted
          .map((c) =>
            draws.chance(0.8)
              ? `{"capability":"${c}","annualValue":${Math.round(draws.logNormal(3_000_000, 1))}}`
              : `{"capability":"${c}"}`,
          )
          .join(',');
      }
    } else if (k === MANUFACTURER) {
      name = `${place} ${draws.pick(TRADE_WORDS)} ${draws.pick(FIRM_SUFFIXES)}`;
      naics = draws.distinct(MANUFACTURING_NAICS, 1 + draws.int(3));
      capabilities = [...naics];
      if (draws.chance(0.35)) capabilities.push(...draws.distinct(capabilitySlugs, 1 + draws.int(2)));
      certifications = draws.distinct(CERTIFICATIONS, draws.int(4));
      employees = Math.max(1, Math.round(draws.logNormal(35, 1.1)));
    } else if (k === TRAINING) {
      name = `${place} ${draws.pick(TRAINING_WORDS)}`;
      naics = [draws.pick(TRAINING_NAICS)];
      trains = draws.distinct(skills, 3 + draws.int(6));
      employees = Math.round(draws.logNormal(250, 0.8)) + 10;
    } else {
      name = `${place} ${draws.pick(SUPPORT_WORDS)}`;
      naics = [draws.pick(SUPPORT_NAICS)];
      employees = Math.round(draws.logNormal(25, 0.8)) + 2;
    }
    offers[i] = capabilities.length > 0 ? capabilities : naics;
    trainsOf[i] = trains;

    const lat = round4(zip.lat + (draws.next() - 0.5) * 0.02);
    const lon = round4(zip.lon + (draws.next() - 0.5) * 0.02);
    let json =
      `{"id":"${id}","name":"${name}","kind":"${KIND_CODES[k]}","lat":${lat},"lon":${lon}` +
      (draws.chance(0.5) ? `,"address":"${100 + draws.int(9900)} ${draws.pick(STREETS)}"` : '') +
      `,"city":${JSON.stringify(zip.city)},"state":"${zip.state}","zip":"${zip.zip}","county":"${county.fips}"` +
      `,"naics":${JSON.stringify(naics)},"capabilities":${JSON.stringify(capabilities)}` +
      `,"certifications":${JSON.stringify(certifications)},"employees":${employees}`;
    if (k !== TRAINING && draws.chance(k === SUPPORT ? 0.2 : 0.6)) json += `,"uei":"${draws.code(12)}"`;
    if ((k === PRIME || k === MANUFACTURER) && draws.chance(0.4)) json += `,"cage":"${draws.code(5)}"`;
    if (trains.length > 0) json += `,"trains":${JSON.stringify(trains)}`;
    if (needs !== '') json += `,"needs":[${needs}]`;
    orgJson[i] = `${json}}`;
  }

  // Buyers by tier, overall and per state, so that links can prefer buyers close by.
  const byTier: number[][] = Array.from({ length: DEEPEST_TIER + 1 }, () => []);
  const byTierState: number[][][] = Array.from({ length: DEEPEST_TIER + 1 }, () =>
    Array.from({ length: stateIndex.size }, () => []),
  );
  const manufacturers: number[] = [];
  const trainers: number[] = [];
  const supporters: number[] = [];
  for (let i = 0; i < orgCount; i++) {
    const k = kind[i]!;
    if (k === PRIME || k === MANUFACTURER) {
      byTier[tier[i]!]!.push(i);
      byTierState[tier[i]!]![stateOf[i]!]!.push(i);
    }
    if (k === MANUFACTURER) manufacturers.push(i);
    else if (k === TRAINING) trainers.push(i);
    else if (k === SUPPORT) supporters.push(i);
  }

  /** A buyer one tier up (sometimes further up, sometimes a peer), in the supplier's state when possible. */
  const buyerOf = (source: number): number => {
    const t = tier[source]!;
    let wanted = t - 1;
    const u = draws.next();
    if (u < 0.03 && t >= 2) wanted = draws.int(t - 1);
    else if (u < 0.06 && t >= 2) wanted = t;
    for (; wanted >= 0; wanted--) {
      const local = byTierState[wanted]![stateOf[source]!]!;
      const pool = local.length > 0 && draws.chance(0.6) ? local : byTier[wanted]!;
      if (pool.length === 0) continue;
      const buyer = draws.skewed(pool, 1.8);
      if (buyer !== source) return buyer;
    }
    return -1;
  };

  const supplyLine = (source: number, target: number): string => {
    const t = tier[source]!;
    let json = `{"source":"${ids[source]}","target":"${ids[target]}","kind":"${draws.chance(0.75) ? 'supplies' : 'subcontract'}"`;
    if (draws.chance(0.9)) json += `,"capability":"${draws.pick(offers[source]!)}"`;
    if (draws.chance(0.8)) {
      json += `,"value":${Math.round(draws.logNormal(VALUE_MEDIAN[t] ?? 50_000, 1.1) / 100) * 100}`;
    }
    if (draws.chance(0.7)) json += `,"year":${2019 + draws.int(6)}`;
    return `${json}}`;
  };

  const otherLine = (): string | null => {
    if (manufacturers.length === 0) return null;
    const employer = draws.pick(manufacturers);
    if (trainers.length > 0 && draws.chance(0.6)) {
      const trainer = draws.pick(trainers);
      return `{"source":"${ids[trainer]}","target":"${ids[employer]}","kind":"trains","capability":"${draws.pick(trainsOf[trainer]!)}"}`;
    }
    const partner =
      supporters.length > 0 && draws.chance(0.7) ? draws.pick(supporters) : draws.pick(manufacturers);
    if (partner === employer) return null;
    return `{"source":"${ids[partner]}","target":"${ids[employer]}","kind":"partners"}`;
  };

  const linkJson: string[] = [];
  const suppliers = manufacturers.filter((i) => tier[i]! >= 1);
  const canSupply = byTier[0]!.length > 0 && suppliers.length > 0;
  // First every manufacturer gets one link up, so that every tier is reachable; then the rest at random.
  if (canSupply && suppliers.length <= linkCount * 0.9) {
    for (const source of suppliers) {
      const buyer = buyerOf(source);
      if (buyer >= 0) linkJson.push(supplyLine(source, buyer));
    }
  }
  let guard = 0;
  while (linkJson.length < linkCount && guard++ < linkCount * 4) {
    if (!canSupply || draws.chance(0.05)) {
      const line = otherLine();
      if (line !== null) linkJson.push(line);
      continue;
    }
    const source = draws.skewed(suppliers, 1.3);
    const buyer = buyerOf(source);
    if (buyer >= 0) linkJson.push(supplyLine(source, buyer));
  }

  const busiest = counties
    .map((county, i) => ({ fips: county.fips, count: countyUse[i]! }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.fips < b.fips ? -1 : 1))
    .slice(0, REGION_COUNTIES)
    .map((c) => c.fips)
    .sort();

  const meta = {
    id: `bench-${orgCount}-${linkCount}-${options.seed}`,
    title: `Benchmark bundle: ${orgCount} organizations, ${linkCount} links`,
    description:
      'Synthetic national-scale bundle generated by scripts/bench/large-bundle.ts for npm run bench.',
    source: 'scripts/bench/large-bundle.ts (seeded generator); fictional firms in real counties',
    license: 'CC0-1.0',
    asOf: '2024-01-01',
    synthetic: true,
    homeRegion: BENCH_REGION_ID,
  };
  const region = {
    id: BENCH_REGION_ID,
    name: `Benchmark region (${busiest.length} busiest counties)`,
    program: 'synthetic',
    counties: busiest,
    source: 'scripts/bench/large-bundle.ts',
  };
  const capabilities = NAMED_CAPABILITIES.map(({ id, label, naics }) => ({ id, label, naics }));

  return [
    `{"format":"forgemap.bundle","version":1,"meta":${JSON.stringify(meta)},"organizations":[\n`,
    orgJson.join(',\n'),
    '\n],"links":[\n',
    linkJson.join(',\n'),
    `\n],"capabilities":${JSON.stringify(capabilities)},"regions":[${JSON.stringify(region)}]}\n`,
  ].join('');
}
