// Seeded generator of USAspending contract downloads in the real schemas, for the build-region bench and for
// trying the command at scale: `npm run records:generate -- --transactions 2500000 --subawards 300000 --out DIR`
// (about 1 GB of prime transactions). Firms are fictional ("Generated Firm 000123", made-up UEIs) and every
// relationship is invented: the files are synthetic through and through, and every transaction key starts with
// SYNTHETIC_MARK, so that a bundle built from them is flagged synthetic. Counties are real FIPS codes of
// data/reference/counties.json, a third of the firms in Illinois (half of those in the Chicago counties).
import { randomLcg } from 'd3-random';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SYNTHETIC_MARK } from '../../src/io/records/pipeline.ts';
import { CONTRACT_SUBAWARD_HEADERS, CONTRACT_TRANSACTION_HEADERS } from './usaspending-headers.ts';

const NAICS = [
  '332710',
  '332811',
  '332813',
  '332999',
  '333514',
  '334511',
  '336411',
  '336413',
  '336611',
  '541330',
];
const CHICAGO = ['17031', '17043', '17089', '17093', '17097', '17111', '17197'];
const AGENCIES = ['097', '097', '097', '097', '070', '069', '080'];

export interface GenerateOptions {
  transactions: number;
  subawards: number;
  out: string;
  seed?: number;
}

/** Writes the two files; returns their paths. Same options, same bytes. */
export function generateRecords(options: GenerateOptions): { prime: string; subawards: string } {
  const random = randomLcg(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const counties = (
    JSON.parse(readFileSync(new URL('../../data/reference/counties.json', import.meta.url), 'utf8')) as {
      rows: { fips: string }[];
    }
  ).rows.map((row) => row.fips);
  const illinois = counties.filter((fips) => fips.startsWith('17'));
  // Each firm gets a real ZIP of its county, so subawardees are placed the way real ones are (by ZIP).
  const zipsOf = new Map<string, string[]>();
  const zipTable = JSON.parse(
    readFileSync(new URL('../../data/reference/zips.json', import.meta.url), 'utf8'),
  ) as {
    rows: [string, number, number, string][];
  };
  for (const [zip, , , county] of zipTable.rows) zipsOf.set(county, [...(zipsOf.get(county) ?? []), zip]);
  const firmCount = Math.max(10, Math.round(options.transactions / 120));
  const firms = Array.from({ length: firmCount }, (_, i) => {
    const r = random();
    const county = r < 0.17 ? pick(CHICAGO) : r < 0.33 ? pick(illinois) : pick(counties);
    return {
      uei: `GEN${String(i).padStart(9, '0')}`,
      name: `Generated Firm ${String(i).padStart(6, '0')}`,
      county,
      zip: pick(zipsOf.get(county) ?? ['']),
      performs: random() < 0.8 ? county : pick(counties),
      naics: pick(NAICS),
    };
  });

  mkdirSync(options.out, { recursive: true });
  const write = (
    name: string,
    headers: readonly string[],
    rows: number,
    fill: (cells: string[], i: number) => void,
  ) => {
    const path = join(options.out, name);
    const fd = openSync(path, 'w');
    let chunk = `${headers.join(',')}\n`;
    const cells = headers.map(() => '');
    for (let i = 0; i < rows; i++) {
      cells.fill('');
      fill(cells, i);
      chunk += `${cells.join(',')}\n`;
      if (chunk.length > 1 << 22) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    return { path };
  };

  const tx = new Map(CONTRACT_TRANSACTION_HEADERS.map((h, i) => [h as string, i]));
  const prime = write(
    'Contracts_PrimeTransactions_generated.csv',
    CONTRACT_TRANSACTION_HEADERS,
    options.transactions,
    (cells, i) => {
      const firm = firms[Math.floor(random() ** 2 * firms.length)]!;
      const fy = 2020 + Math.floor(random() * 5);
      const month = 1 + Math.floor(random() * 12);
      const obligation = random() < 0.05 ? -random() * 50_000 : Math.exp(8 + random() * 8);
      const set = (h: string, v: string) => (cells[tx.get(h)!] = v);
      set('contract_transaction_unique_key', `${SYNTHETIC_MARK}_GEN_${i}`);
      set('contract_award_unique_key', `CONT_AWD_GEN${Math.floor(i / 4)}`);
      set('recipient_uei', firm.uei);
      set('recipient_name', firm.name);
      set('prime_award_transaction_recipient_county_fips_code', firm.county);
      set('recipient_state_code', firm.county.startsWith('17') ? 'IL' : 'XX');
      set('recipient_zip_4_code', firm.zip);
      if (random() < 0.9) set('prime_award_transaction_place_of_performance_county_fips_code', firm.performs);
      set('naics_code', firm.naics);
      set('awarding_agency_code', pick(AGENCIES));
      set('federal_action_obligation', obligation.toFixed(2));
      set('action_date', `${month >= 10 ? fy - 1 : fy}-${String(month).padStart(2, '0')}-15`);
      set('action_date_fiscal_year', String(fy));
    },
  );

  const sb = new Map(CONTRACT_SUBAWARD_HEADERS.map((h, i) => [h as string, i]));
  const subawards = write(
    'Contracts_Subawards_generated.csv',
    CONTRACT_SUBAWARD_HEADERS,
    options.subawards,
    (cells) => {
      const primeFirm = firms[Math.floor(random() ** 3 * firms.length)]!;
      const sub = firms[Math.floor(random() * firms.length)]!;
      const set = (h: string, v: string) => (cells[sb.get(h)!] = v);
      set('prime_awardee_uei', primeFirm.uei);
      set('prime_awardee_name', primeFirm.name);
      set('prime_awardee_county_fips_code', primeFirm.county);
      set('subawardee_uei', sub.uei);
      set('subawardee_name', sub.name);
      set('subawardee_country_code', 'USA');
      set('subawardee_zip_code', sub.zip);
      set('prime_award_naics_code', pick(NAICS));
      set('prime_award_awarding_agency_code', pick(AGENCIES));
      set('subaward_amount', Math.exp(7 + random() * 7).toFixed(2));
      set('subaward_action_date_fiscal_year', String(2020 + Math.floor(random() * 5)));
    },
  );
  return { prime: prime.path, subawards: subawards.path };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      transactions: { type: 'string', default: '100000' },
      subawards: { type: 'string', default: '10000' },
      out: { type: 'string', default: 'records-generated' },
      seed: { type: 'string', default: '42' },
    },
  });
  const files = generateRecords({
    transactions: Number(values.transactions),
    subawards: Number(values.subawards),
    out: values.out,
    seed: Number(values.seed),
  });
  console.log(`wrote ${files.prime} and ${files.subawards}`);
}
