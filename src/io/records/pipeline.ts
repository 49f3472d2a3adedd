// Building a region's bundle from public federal records on an embedded SQL engine (DuckDB in the CLI; the
// same SQL is meant for DuckDB-Wasm in the browser). The host loads the downloads into four tables and this
// module runs the steps of ./sql in order, then reads the results into a Forgemap bundle and a headline.
//
// The host's tables (every column VARCHAR unless said):
//   prime_raw     the contract prime transactions, with at least PRIME_TRANSACTION_COLUMNS, plus source_file
//   sub_raw       the contract subawards, with at least SUBAWARD_COLUMNS, plus source_file
//   cbp_raw       Census County Business Patterns county rows, with at least CBP_COLUMNS (may be empty)
//   region_county (fips) the region's 5-digit county FIPS codes
//   zip_county    (zip, county) 5-digit ZIP → county FIPS, to place subawardees
import type { CapabilityId, CountyFips, OrgId, RegionId } from '../../domain/ids.ts';
import type { Bundle, Link, Organization, Region } from '../../domain/model.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../domain/model.ts';

/**
 * The start of every transaction key of generated (not real) records: a bundle built from any such record is
 * flagged synthetic, with a title that says so.
 */
export const SYNTHETIC_MARK = 'SYNTHETIC';

/** How the records were counted, in the bundle's meta and under every headline. */
export const DOD_RULE =
  "DoD contract prime transactions (awarding agency 097) with an obligation and a fiscal year, each placed in its place-of-performance county, or the recipient's county when that is missing.";

/** The SQL steps, in the order they run; each reads the tables of the steps before it. */
export const STEPS = [
  '10-prime.sql',
  '20-place.sql',
  '30-firms.sql',
  '40-headline.sql',
  '45-sam.sql',
  '50-subawards.sql',
  '60-links.sql',
  '70-bought-outside.sql',
  '80-strength.sql',
] as const;
export type StepName = (typeof STEPS)[number];

/** What the pipeline needs of an engine: run statements, and read a query's rows as plain objects. */
export interface SqlEngine {
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** A query's values column by column (cheaper than rows for a long result), by column name. */
  columns(sql: string): Promise<Record<string, unknown[]>>;
}

export interface RegionInput {
  region: { id: string; name: string; program: string; counties: readonly string[] };
  /** The names of the download files read, by kind, for the bundle's meta. */
  files: {
    prime: readonly string[];
    subawards: readonly string[];
    cbp?: readonly string[] | undefined;
    sam?: readonly string[] | undefined;
  };
  /** Reads one step's SQL text. */
  readStep: (step: StepName) => Promise<string>;
  /** Called before each step with its name and index, for progress. */
  onStep?: ((step: StepName, index: number) => void) | undefined;
}

export interface YearFigures {
  fiscalYear: number;
  /** DoD obligations placed in the region (place of performance, else recipient address). */
  region: number;
  /** The same by place of performance alone, and by recipient address alone. */
  regionByPerformance: number;
  regionByRecipient: number;
  /** DoD obligations placed in the region's state(s), by the same rule. */
  state: number;
  /** region / state; null when the state has none. */
  share: number | null;
  firms: number;
}

export interface Headline {
  region: string;
  /** Distinct DoD-performing firms with obligations placed in the region, over all years. */
  firms: number;
  years: YearFigures[];
  topNaics: { naics: string; title: string; dollars: number; firms: number }[];
  /** Capabilities in-region primes buy from firms outside the region, in subaward dollars per year. */
  boughtOutside: { capability: string; outside: number; total: number; suppliers: number }[];
  /**
   * Manufacturing industries of the region by location quotient of establishments (County Business Patterns;
   * empty without a CBP file), strongest first.
   */
  strongest: {
    naics: string;
    establishments: number;
    employees: number;
    lqEstablishments: number;
    lqEmployees: number | null;
  }[];
  /** How the transactions were counted. */
  records: {
    transactions: number;
    dod: number;
    /** DoD transactions placed in the region, by which place decided. */
    placedByPerformance: number;
    placedByRecipient: number;
    unplaced: number;
    subawards: number;
    dodSubawards: number;
    /** Entities of the SAM.gov extracts (0 without one), and how many of the DoD subawardees they name. */
    samEntities: number;
    subawardees: number;
    subawardeesInSam: number;
  };
}

/** What a SAM.gov extract added, in the words of the CLI and the dialog; null without one. */
export function samSentence(records: Headline['records']): string | null {
  if (records.samEntities === 0) return null;
  return `SAM.gov entity extract: ${records.samEntities.toLocaleString('en-US')} entities; ${records.subawardeesInSam.toLocaleString('en-US')} of ${records.subawardees.toLocaleString('en-US')} DoD subawardees found there (their NAICS codes, CAGE code and, where the subawards give none, their place).`;
}

export interface RegionBuild {
  bundle: Bundle;
  headline: Headline;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A firm key as an organization id: its UEI, or "name-" and a slug of its name. */
export function firmId(firm: string): OrgId {
  if (!firm.startsWith('NAME:')) return firm as OrgId;
  const slug = firm
    .slice(5)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `name-${slug === '' ? 'unnamed' : slug}` as OrgId;
}

export async function buildRegion(engine: SqlEngine, input: RegionInput): Promise<RegionBuild> {
  for (const [i, step] of STEPS.entries()) {
    input.onStep?.(step, i);
    await engine.exec(await input.readStep(step));
  }

  const firms = await engine.rows(
    'SELECT firm, uei, name, cage, city, state, zip, county, naics, is_prime FROM bundle_firm ORDER BY firm',
  );
  const links = await engine.rows(
    'SELECT source, target, capability, fiscal_year, value FROM region_link ORDER BY source, target, capability, fiscal_year',
  );
  const organizations = firms.map((row): Organization => {
    const naics = Array.isArray(row.naics) ? row.naics.map(String) : [];
    const org: Organization = {
      id: firmId(String(row.firm)),
      name: String(row.name),
      kind: row.is_prime === true ? 'prime' : 'manufacturer',
      naics,
      capabilities: naics as CapabilityId[],
      certifications: [],
      trains: [],
      needs: [],
    };
    const optional = { city: text(row.city), state: text(row.state), zip: text(row.zip) };
    for (const [key, value] of Object.entries(optional))
      if (value !== undefined) Object.assign(org, { [key]: value });
    const county = text(row.county);
    if (county !== undefined) org.county = county as CountyFips;
    const uei = text(row.uei);
    if (uei !== undefined) org.uei = uei;
    const cage = text(row.cage);
    if (cage !== undefined) org.cage = cage;
    return org;
  });
  const bundleLinks = links.map((row): Link => {
    const link: Link = {
      source: firmId(String(row.source)),
      target: firmId(String(row.target)),
      kind: 'subcontract',
      value: Math.round(num(row.value) * 100) / 100,
      year: num(row.fiscal_year),
    };
    const capability = text(row.capability);
    if (capability !== undefined) link.capability = capability as CapabilityId;
    return link;
  });

  const headline = await readHeadline(engine, input.region.name);
  const latest = await engine.rows(
    `SELECT strftime(max(action_date), '%Y-%m-%d') AS latest, min(fiscal_year) AS first, max(fiscal_year) AS last,
      (SELECT coalesce(bool_or(starts_with(transaction_key, '${SYNTHETIC_MARK}')), false) FROM prime_placed) AS synthetic
     FROM prime_placed`,
  );
  const { latest: asOf, first, last, synthetic } = latest[0] ?? {};
  const region: Region = {
    id: input.region.id as RegionId,
    name: input.region.name,
    program: input.region.program,
    counties: [...input.region.counties] as CountyFips[],
  };
  const fileNames = [
    ...input.files.prime,
    ...input.files.subawards,
    ...(input.files.cbp ?? []),
    ...(input.files.sam ?? []),
  ];
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta: {
      id: `records-${input.region.id}`,
      title:
        synthetic === true
          ? `${input.region.name}: generated DoD records (synthetic)`
          : `${input.region.name}: DoD performers from USAspending`,
      description:
        `DoD contract prime transactions${input.files.subawards.length > 0 ? ' and subawards' : ''}` +
        ` of fiscal years ${String(first ?? '?')}–${String(last ?? '?')}, placed by place of performance` +
        " (else recipient address). Each link is one fiscal year of a pair's subaward dollars.",
      source: `USAspending.gov downloads: ${fileNames.join(', ')}`,
      license: 'Public domain (U.S. federal government data)',
      asOf: text(asOf) ?? '1970-01-01',
      synthetic: synthetic === true,
      homeRegion: region.id,
      linksByFiscalYear: true,
      dod: {
        rule: DOD_RULE,
        firms: headline.firms,
        years: headline.years.map((y) => ({
          fiscalYear: y.fiscalYear,
          region: y.region,
          state: y.state,
          firms: y.firms,
        })),
      },
    },
    organizations,
    links: bundleLinks,
    capabilities: [],
    regions: [region],
  };
  return { bundle, headline };
}

async function readHeadline(engine: SqlEngine, regionName: string): Promise<Headline> {
  const years = (
    await engine.rows('SELECT * FROM headline_year WHERE region IS NOT NULL ORDER BY fiscal_year')
  ).map((row): YearFigures => {
    const region = num(row.region);
    const state = num(row.state);
    return {
      fiscalYear: num(row.fiscal_year),
      region,
      regionByPerformance: num(row.region_by_performance),
      regionByRecipient: num(row.region_by_recipient),
      state,
      share: state > 0 ? region / state : null,
      firms: num(row.firms),
    };
  });
  const topNaics = (await engine.rows('SELECT * FROM headline_naics ORDER BY dollars DESC, naics')).map(
    (row) => ({
      naics: String(row.naics),
      title: text(row.title) ?? '',
      dollars: num(row.dollars),
      firms: num(row.firms),
    }),
  );
  const boughtOutside = (
    await engine.rows('SELECT * FROM bought_outside ORDER BY outside DESC, capability')
  ).map((row) => ({
    capability: String(row.capability),
    outside: num(row.outside),
    total: num(row.total),
    suppliers: num(row.outside_suppliers),
  }));
  const strongest = (await engine.rows('SELECT * FROM strength ORDER BY lq_est DESC, naics')).map((row) => ({
    naics: String(row.naics),
    establishments: num(row.est),
    employees: num(row.emp),
    lqEstablishments: num(row.lq_est),
    lqEmployees: row.lq_emp === null || row.lq_emp === undefined ? null : num(row.lq_emp),
  }));
  const [counts] = await engine.rows(`SELECT
      (SELECT transactions FROM prime_count) AS transactions,
      (SELECT dod FROM prime_count) AS dod,
      (SELECT count(*) FROM prime_placed WHERE in_region AND placed_by = 'performance') AS by_performance,
      (SELECT count(*) FROM prime_placed WHERE in_region AND placed_by = 'recipient') AS by_recipient,
      (SELECT count(*) FROM prime_placed WHERE placed_by = 'none') AS unplaced,
      (SELECT count(*) FROM sub_raw) AS subawards,
      (SELECT count(*) FROM sub) AS dod_subawards,
      (SELECT count(*) FROM region_firm) AS firms,
      (SELECT count(*) FROM sam_entity) AS sam_entities,
      (SELECT count(DISTINCT sub_firm) FROM sub) AS subawardees,
      (SELECT count(DISTINCT sub_uei) FROM sub WHERE sub_uei IN (SELECT uei FROM sam_entity)) AS in_sam`);
  return {
    region: regionName,
    firms: num(counts?.firms),
    years,
    topNaics,
    boughtOutside,
    strongest,
    records: {
      transactions: num(counts?.transactions),
      dod: num(counts?.dod),
      placedByPerformance: num(counts?.by_performance),
      placedByRecipient: num(counts?.by_recipient),
      unplaced: num(counts?.unplaced),
      subawards: num(counts?.subawards),
      dodSubawards: num(counts?.dod_subawards),
      samEntities: num(counts?.sam_entities),
      subawardees: num(counts?.subawardees),
      subawardeesInSam: num(counts?.in_sam),
    },
  };
}
