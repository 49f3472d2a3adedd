// The shape of one sample's recipe: its region, buyers, supplier markets (who sells what to whom, and how
// much of it comes from outside the region), colleges and support organizations.

/** A tier as the generator plans it: 0 = prime, 1 = sells to primes, 2 = sells to tier 1, … */
export type PlannedTier = 0 | 1 | 2 | 3 | 4;

/** One capability sold by one planned tier of suppliers. */
export interface MarketSpec {
  /** Capability id sold on the links: a 6-digit NAICS code or a slug such as `nadcap-heat-treat`. */
  capability: string;
  /** Primary NAICS of the firms in this market. */
  naics: string;
  tier: Exclude<PlannedTier, 0>;
  /** Planned tiers of the buyers. */
  buyerTiers: readonly PlannedTier[];
  /** When set, only buyers whose market capability (or, for primes, one of whose NAICS) is listed. */
  buyerCapabilities?: readonly string[];
  /** Suppliers inside the home region. */
  local: number;
  /** Suppliers outside it, selling into it. */
  outside: number;
  /** Median value of one link, USD per year. */
  medianValue: number;
  /**
   * Share of the region's demand for this capability that goes to outside suppliers (outside links are
   * rescaled to hit it, within the $50k–$50M bounds of a link). Unset: whatever the random draws give.
   */
  importShare?: number;
  /** `dominant`: one local supplier takes most local business; `even`: local shares stay alike. */
  concentration?: 'dominant' | 'even';
  /** Certifications every firm in this market holds (special-process accreditations). */
  certifications?: readonly string[];
  /** Secondary capabilities (a NAICS code goes to `naics`, a slug to `capabilities`) with their odds. */
  extras?: readonly { id: string; p: number }[];
  /** Where the outside suppliers sit: counties win over states; default the sample's outside states. */
  outsideCounties?: readonly string[];
  outsideStates?: readonly string[];
  /** Median employees; default by tier. */
  employees?: number;
}

export interface PrimeSpec {
  key: string;
  name: string;
  naics: readonly string[];
  /** County FIPS of its plant; inside the region or not. */
  county: string;
  employees: number;
  certifications: readonly string[];
  /** Declared demand: capability → USD per year. */
  needs?: readonly { capability: string; annualValue: number }[];
}

export interface PlacedOrgSpec {
  name: string;
  county: string;
  /** Primary NAICS, e.g. 611210 (junior colleges) or 541611 (consulting, as MEP centers often file). */
  naics: string;
  employees: number;
}

export interface RegionSpec {
  id: string;
  name: string;
  program: string;
  counties: readonly string[];
  focus: string;
  lead: string;
  designated: string;
  source: string;
}

export interface SampleSpec {
  /** File name and id stem: `chicago` → data/samples/chicago.json. */
  key: string;
  seed: number;
  title: string;
  description: string;
  region: RegionSpec;
  /** Relative weight of each region county when placing local firms. */
  countyWeights: Readonly<Record<string, number>>;
  /** Relative weight of each state when placing outside suppliers without a market-specific location. */
  outsideStates: Readonly<Record<string, number>>;
  /** Place-flavoured words for firm names. */
  namePrefixes: readonly string[];
  primes: readonly PrimeSpec[];
  markets: readonly MarketSpec[];
  training: readonly PlacedOrgSpec[];
  support: readonly PlacedOrgSpec[];
  /** Capabilities the region's colleges train for; each is taught by at least one of them. */
  trainable: readonly string[];
  /** Odds of each certification by planned tier (special-process ones come from the market). */
  certificationOdds: Readonly<Record<1 | 2 | 3 | 4, Readonly<Record<string, number>>>>;
  /** Odds that a local supplier of the given planned tier sells to a buyer inside the region. */
  localBuyerOdds: Readonly<Record<1 | 2 | 3 | 4, number>>;
}
