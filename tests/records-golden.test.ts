// Golden case of build-region: small files in the real USAspending schemas (the full 297-column contract
// prime transactions header and the 118-column contract subawards header), tests/golden/records/chicago/,
// built for the Chicago IMCP region (Cook, DuPage, Kane, Kendall, Lake, McHenry and Will counties, Illinois).
// Every expected figure below was computed by hand from the rows; the comments say how.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRegionCommand } from '../scripts/cli/build-region.ts';
import { generateRecords } from '../scripts/records/generate.ts';
import { CONTRACT_TRANSACTION_HEADERS } from '../scripts/records/usaspending-headers.ts';
import type { CommandOutput } from '../scripts/cli/output.ts';
import type { Bundle } from '../src/domain/model.ts';
import { loadBundle } from '../src/io/load-bundle.ts';
import { DOD_RULE } from '../src/io/records/pipeline.ts';
import { strToU8, zipSync } from 'fflate';
import { withinYears } from '../src/domain/fiscal-years.ts';

const DIR = join(import.meta.dirname, 'golden', 'records', 'chicago');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => join(DIR, f));
const tmp = mkdtempSync(join(tmpdir(), 'forgemap-records-'));

describe('build-region on the Chicago golden files', () => {
  let out: CommandOutput;
  let bundle: Bundle;
  beforeAll(async () => {
    out = await buildRegionCommand({
      files: FILES,
      output: join(tmp, 'chicago.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    const loaded = loadBundle(JSON.parse(readFileSync(join(tmp, 'chicago.json'), 'utf8')));
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    bundle = loaded.value!;
  }, 60_000);

  it('succeeds and prints the headline the way the study reads', () => {
    expect(out.errors ?? []).toEqual([]);
    expect(out.exitCode).toBe(0);
    const text = out.lines.join('\n');
    // A (UEI …A1), B, D and Echo Tooling (no UEI) have DoD dollars placed in the region.
    expect(text).toContain('Chicago Metro Metal Consortium (CMMC): 4 DoD-performing firms');
    // FY2023: A 1.0M (Cook) + D 4.0M (Will) = 5.0M of Illinois' 1.0 + 3.0 (C, Champaign) + 4.0 = 8.0M: 62.5 %.
    expect(text).toMatch(/FY2023 {2}\$5M in the region \(2 firms\), 63% of the state's \$8M/);
    // FY2024: A 0.5 − 0.1, B 2.0 (placed by its DuPage address), Echo 0.25, D 1.0 = 3.65M of
    // 3.65 + India Aero 1.35 (Winnebago) = 5.0M: 73 %. Foxtrot (Los Angeles) and Hotel (no county) are not in it.
    expect(text).toMatch(/FY2024 {2}\$3\.65M in the region \(4 firms\), 73% of the state's \$5M/);
    // 13 rows; one is the Coast Guard's (070); one DoD row has no obligation. A1–A3, D (×2), Echo: performance;
    // B: recipient address; Hotel Castings: no county at all.
    expect(text).toContain(
      '13 transactions read, 12 DoD; in the region 6 placed by place of performance, 1 by recipient address; 1 DoD transaction has no county.',
    );
    // By place of performance alone: 5.0M + (0.5 − 0.1 + 0.25 + 1.0) = 6.65M; by recipient address alone:
    // A 1.0 + C 3.0 (Cook address) + A 0.4 + B 2.0 + Echo 0.25 = 6.65M; D's address is in Indiana.
    expect(text).toContain(
      '$8.65M by this rule; $6.65M by place of performance alone, $6.65M by recipient address alone',
    );
    expect(text).toContain('Subawards: 7 read, 6 under DoD prime awards.');
  });

  it('ranks the NAICS codes by DoD dollars in the region', () => {
    const naics = out.lines.filter((line) => /^ {2}\d{6} .*\(\d+ firms?\)$/.test(line));
    expect(naics).toEqual([
      '  336413 Other Aircraft Parts and Auxiliary Equipment Manufacturing: $5M (1 firm)',
      '  332811 Metal Heat Treating: $2M (1 firm)',
      '  332710 Machine Shops: $1.65M (2 firms)',
    ]);
  });

  it('lists what the primes buy outside the region, per year over the two subaward years', () => {
    // Heat treating: Lima (Hammond, IN) 300k + 100k and Oscar (Berlin) 60k, over FY2023–2024: 230k a year.
    // Aircraft parts: Mike (San Diego) 200k / 2. Machining from Kilo is local, so it is not listed.
    expect(out.lines).toContain('  332811 Metal Heat Treating: $230k of $230k from 2 outside suppliers');
    expect(out.lines).toContain(
      '  336413 Other Aircraft Parts and Auxiliary Equipment Manufacturing: $100k of $100k from 1 outside supplier',
    );
    expect(out.lines.some((line) => line.startsWith('  332710') && line.includes('outside supplier'))).toBe(
      false,
    );
  });

  it('writes a real-data bundle: the region, its firms and the subaward links', () => {
    expect(bundle.meta.synthetic).toBe(false);
    expect(bundle.meta.asOf).toBe('2024-09-30');
    expect(bundle.meta.homeRegion).toBe('imcp-chicago-metro-metal');
    // The headline's figures travel with the bundle, for the app's DoD panel (same hand-computed values).
    expect(bundle.meta.dod).toEqual({
      rule: DOD_RULE,
      firms: 4,
      years: [
        { fiscalYear: 2023, region: 5_000_000, state: 8_000_000, firms: 2 },
        { fiscalYear: 2024, region: 3_650_000, state: 5_000_000, firms: 4 },
      ],
    });
    expect(bundle.meta.source).toContain('Contracts_PrimeTransactions_2026-11-30_H10M00S00_1.csv');
    expect(bundle.regions.map((r) => r.counties)).toEqual([
      ['17031', '17043', '17089', '17093', '17097', '17111', '17197'],
    ]);
    const byId = new Map(bundle.organizations.map((o) => [o.id as string, o]));
    expect([...byId.keys()].sort()).toEqual(
      [
        'AAAAAAAAAAA1',
        'BBBBBBBBBBB2',
        'DDDDDDDDDDD4',
        'KKKKKKKKKKK1',
        'LLLLLLLLLLL2',
        'MMMMMMMMMMM3',
        'NNNNNNNNNNN6',
        'name-echo-tooling',
        'name-oscar-gmbh',
      ].sort(),
    );
    // The name of A's latest transaction; D sits where it performed the most (Will 4.0M > Cook 1.0M).
    expect(byId.get('AAAAAAAAAAA1')).toMatchObject({
      name: 'Alpha Precision Machining LLC',
      kind: 'prime',
      county: '17031',
      zip: '60632',
      cage: '1AAA1',
      naics: ['332710'],
    });
    expect(byId.get('DDDDDDDDDDD4')).toMatchObject({ county: '17197', kind: 'prime' });
    // Subawardees are placed through their ZIP; a foreign one is not placed, and keeps no ZIP (10115 is also
    // a New York ZIP).
    expect(byId.get('KKKKKKKKKKK1')).toMatchObject({ county: '17031', kind: 'manufacturer' });
    expect(byId.get('LLLLLLLLLLL2')).toMatchObject({ county: '18089' });
    expect(byId.get('name-oscar-gmbh')?.county).toBeUndefined();
    expect(byId.get('name-oscar-gmbh')?.zip).toBeUndefined();
    // One link per pair, capability and fiscal year, with that year's subaward dollars.
    expect(bundle.links.map((l) => [l.source, l.target, l.capability, l.year, l.value])).toEqual([
      ['KKKKKKKKKKK1', 'AAAAAAAAAAA1', '332710', 2023, 100_000],
      ['KKKKKKKKKKK1', 'NNNNNNNNNNN6', '336611', 2024, 50_000],
      ['LLLLLLLLLLL2', 'AAAAAAAAAAA1', '332811', 2023, 100_000],
      ['LLLLLLLLLLL2', 'AAAAAAAAAAA1', '332811', 2024, 300_000],
      ['MMMMMMMMMMM3', 'DDDDDDDDDDD4', '336413', 2024, 200_000],
      ['name-oscar-gmbh', 'AAAAAAAAAAA1', '332811', 2024, 60_000],
    ]);
    // Over both years the app shows a year's average: half of each; FY2024 alone, that year's dollars.
    expect(withinYears(bundle, null).links.map((l) => l.value)).toEqual([
      50_000, 25_000, 50_000, 150_000, 100_000, 30_000,
    ]);
    expect(withinYears(bundle, { from: 2024, to: 2024 }).links.map((l) => [l.source, l.value])).toEqual([
      ['KKKKKKKKKKK1', 50_000],
      ['LLLLLLLLLLL2', 300_000],
      ['MMMMMMMMMMM3', 200_000],
      ['name-oscar-gmbh', 60_000],
    ]);
    // Papa Logistics' subaward is under a DHS award (070): not in the bundle.
    expect(bundle.organizations.some((o) => o.name === 'Papa Logistics')).toBe(false);
  });

  it('takes the region as county codes too', async () => {
    const custom = await buildRegionCommand({
      files: FILES,
      output: join(tmp, 'cook.json'),
      region: null,
      counties: ['17031'],
    });
    // Cook only: A (1.0M in FY2023), and in FY2024 A 0.4M, Echo 0.25M and D 1.0M.
    expect(custom.lines.join('\n')).toMatch(/FY2023 {2}\$1M in the region \(1 firm\)/);
    expect(custom.lines.join('\n')).toMatch(/FY2024 {2}\$1\.65M in the region \(3 firms\)/);
  });
});

describe('build-region with a County Business Patterns file', () => {
  it("ranks the region's manufacturing industries by location quotient, computed by hand", async () => {
    const out = await buildRegionCommand({
      files: [...FILES, join(DIR, 'cbp22co.txt')],
      output: join(tmp, 'cbp.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    expect(out.errors ?? []).toEqual([]);
    // Region (Cook + DuPage): 1,500 establishments, 30,000 employees; all four counties: 5,000 and 95,000.
    // 332811: 15 of the region's vs 20 of all: (15/1500)/(20/5000) = 2.5; employees (400/30000)/(500/95000) = 2.53.
    // 332710: 60 vs 100: (60/1500)/(100/5000) = 2.0; employees (1200/30000)/(1950/95000) = 1.95.
    // 336413 has 3 establishments in the region (under 5) and 541330 is not manufacturing: not ranked.
    const i = out.lines.findIndex((line) => line.startsWith('Strongest manufacturing industries'));
    expect(out.lines.slice(i + 1, i + 4)).toEqual([
      '  332811 Metal Heat Treating: LQ 2.50 (15 establishments; by employment 2.53)',
      '  332710 Machine Shops: LQ 2.00 (60 establishments; by employment 1.95)',
      '',
    ]);
    const bundle = JSON.parse(readFileSync(join(tmp, 'cbp.json'), 'utf8')) as Bundle;
    expect(bundle.meta.source).toContain('cbp22co.txt');
  }, 60_000);
});

describe('build-region reads zipped downloads', () => {
  const zipped = zipSync(
    Object.fromEntries(FILES.map((f) => [`download/${f.split('/').pop()!}`, readFileSync(f)])),
    { level: 6 },
  );

  it('gives the same bundle from the zip USAspending delivers, naming the zip in meta', async () => {
    const zip = join(tmp, 'PrimeAwardsTransactionsAndSubawards_2026-11-30.zip');
    writeFileSync(zip, zipped);
    const fromZip = await buildRegionCommand({
      files: [zip],
      output: join(tmp, 'zip.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    expect(fromZip.errors ?? []).toEqual([]);
    const direct = await buildRegionCommand({
      files: FILES,
      output: join(tmp, 'direct.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    const read = (name: string) => JSON.parse(readFileSync(join(tmp, name), 'utf8')) as Bundle;
    const [a, b] = [read('zip.json'), read('direct.json')];
    expect(a.organizations).toEqual(b.organizations);
    expect(a.links).toEqual(b.links);
    expect(a.meta.source).toContain(
      'PrimeAwardsTransactionsAndSubawards_2026-11-30.zip → Contracts_PrimeTransactions_2026-11-30_H10M00S00_1.csv',
    );
    expect(fromZip.lines.slice(0, 5)).toEqual(direct.lines.slice(0, 5));
  }, 60_000);

  it('says a cut-short or csv-less zip is what it is', async () => {
    const cut = join(tmp, 'cut.zip');
    writeFileSync(cut, zipped.subarray(0, Math.floor(zipped.length / 2)));
    const cutShort = await buildRegionCommand({
      files: [cut],
      output: join(tmp, 'c.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    expect(cutShort.exitCode).toBe(1);
    expect(cutShort.errors?.join('\n')).toMatch(/cut\.zip: the zip file is (cut short|damaged)/);
    const empty = join(tmp, 'readme.zip');
    writeFileSync(empty, zipSync({ 'README.md': strToU8('no data') }));
    const none = await buildRegionCommand({
      files: [empty],
      output: join(tmp, 'n.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    expect(none.errors?.join('\n')).toContain('readme.zip: the zip file holds no .csv, .txt or .dat file');
  });
});

describe('build-region with a SAM.gov entity extract', () => {
  const SAM = join(import.meta.dirname, 'golden', 'records', 'sam', 'SAM_PUBLIC_MONTHLY_V2_20261101.dat');
  const build = async (files: string[], name: string) => {
    const out = await buildRegionCommand({
      files,
      output: join(tmp, name),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    expect(out.errors ?? []).toEqual([]);
    const bundle = JSON.parse(readFileSync(join(tmp, name), 'utf8')) as Bundle;
    return { out, byId: new Map(bundle.organizations.map((o) => [o.id as string, o])), bundle };
  };

  it('gives subawardees their NAICS codes (primary first) and CAGE; the subawards and transactions keep their own facts', async () => {
    const { out, byId, bundle } = await build([...FILES, SAM], 'sam.json');
    // Kilo: primary 332813, then the rest of its list (332812); its place stays the subaward's (60632, Cook).
    expect(byId.get('KKKKKKKKKKK1')).toMatchObject({
      naics: ['332813', '332812'],
      cage: '7KKK7',
      county: '17031',
    });
    // Lima's subawards name ZIP 46320 (Lake County, Indiana): SAM's Chicago address does not move it.
    expect(byId.get('LLLLLLLLLLL2')).toMatchObject({ naics: ['332811'], cage: '8LLL8', county: '18089' });
    expect(byId.get('MMMMMMMMMMM3')?.naics).toEqual(['336413', '326199']);
    // Alpha is a DoD performer of the region: the CAGE code of its transactions stays.
    expect(byId.get('AAAAAAAAAAA1')?.cage).toBe('1AAA1');
    // Oscar GmbH has no UEI: nothing from SAM.
    expect(byId.get('name-oscar-gmbh')?.naics).toEqual([]);
    // Five entities (one named with quotes); K, L and M of the four DoD subawardees (Oscar has no UEI).
    expect(out.lines).toContain(
      '  SAM.gov entity extract: 5 entities; 3 of 4 DoD subawardees found there (their NAICS codes, CAGE code and, where the subawards give none, their place).',
    );
    expect(bundle.meta.source).toContain('SAM_PUBLIC_MONTHLY_V2_20261101.dat');
  });

  it('places a subawardee by its SAM address when its subawards give no ZIP', async () => {
    // Lima's subawards without a ZIP: SAM puts it at 60601, Cook County, inside the region. Heat treating
    // bought outside is then Oscar's $60k (FY2024) alone: $30k a year over the two years, of $230k.
    const text = readFileSync(
      FILES.find((f) => f.includes('Subawards'))!,
      'utf8',
    ).replaceAll('46320', '');
    const subs = join(tmp, 'Contracts_Subawards_no_zip.csv');
    writeFileSync(subs, text);
    const primes = FILES.filter((f) => !f.includes('Subawards'));
    const { out, byId } = await build([...primes, subs, SAM], 'sam-place.json');
    expect(byId.get('LLLLLLLLLLL2')).toMatchObject({ zip: '60601', county: '17031' });
    expect(out.lines).toContain('  332811 Metal Heat Treating: $30k of $230k from 1 outside supplier');
  });

  it('takes the extract from its zip, and names one in another layout', async () => {
    const zipped = join(tmp, 'SAM_PUBLIC_MONTHLY_V2_20261101.ZIP');
    writeFileSync(zipped, zipSync({ 'SAM_PUBLIC_MONTHLY_V2_20261101.dat': readFileSync(SAM) }));
    const { out } = await build([...FILES, zipped], 'sam-zip.json');
    expect(out.lines.join('\n')).toContain('SAM.gov entity extract: 5 entities');
    const v1 = join(tmp, 'SAM_PUBLIC_MONTHLY_20180101.dat');
    writeFileSync(v1, `BOF PUBLIC 00000000 20180101\n123456789|0000|1AB23|A|${'|'.repeat(40)}\nEOF\n`);
    const refused = await buildRegionCommand({
      files: [...FILES, v1],
      output: join(tmp, 'v1.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.errors?.join('\n')).toContain(
      'SAM_PUBLIC_MONTHLY_20180101.dat: is a SAM.gov extract in another layout',
    );
  });
});

describe('build-region refuses bad input with the file and the reason', () => {
  const write = (name: string, text: string) => {
    const file = join(tmp, name);
    writeFileSync(file, text);
    return file;
  };
  const run = (files: string[]) =>
    buildRegionCommand({
      files,
      output: join(tmp, 'bad.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });

  it.each([
    [
      'assistance.csv',
      'assistance_transaction_unique_key,assistance_award_unique_key,federal_action_obligation\n',
      'assistance.csv: this is a financial assistance download',
    ],
    [
      'summaries.csv',
      'contract_award_unique_key,award_id_piid,total_obligated_amount\n',
      'summaries.csv: this is a prime award summaries download',
    ],
    ['empty.csv', '', 'empty.csv: is empty'],
    [
      'no-fy.csv',
      'contract_transaction_unique_key,recipient_name,awarding_agency_code,federal_action_obligation\nk,A,097,1\n',
      'no-fy.csv: the header has no action_date_fiscal_year column',
    ],
    ['other.csv', 'name,lat,lon\nAcme,41,-87\n', 'other.csv: the header is not that of a USAspending'],
  ])('%s', async (name, text, message) => {
    const result = await run([write(name, text)]);
    expect(result.exitCode).toBe(1);
    expect(result.errors?.join('\n')).toContain(message);
  });

  it('needs a prime transactions file, and a known region', async () => {
    const subs = FILES.filter((f) => f.includes('Subawards'));
    expect((await run(subs)).errors?.join('\n')).toContain('no contract prime transactions file');
    const unknown = await buildRegionCommand({
      files: FILES,
      output: join(tmp, 'x.json'),
      region: 'atlantis',
      counties: [],
    });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.errors?.join('\n')).toContain('no region "atlantis"');
  });
});

describe('generated records (scripts/records/generate.ts)', () => {
  it('are the same bytes for the same seed, in the real headers, and build a bundle flagged synthetic', async () => {
    const a = generateRecords({ transactions: 3000, subawards: 400, out: join(tmp, 'gen-a'), seed: 7 });
    const b = generateRecords({ transactions: 3000, subawards: 400, out: join(tmp, 'gen-b'), seed: 7 });
    expect(readFileSync(a.prime)).toEqual(readFileSync(b.prime));
    expect(readFileSync(a.subawards)).toEqual(readFileSync(b.subawards));
    const header = readFileSync(a.prime, 'utf8').split('\n', 1)[0]!.split(',');
    expect(header).toEqual([...CONTRACT_TRANSACTION_HEADERS]);
    expect(header).toHaveLength(297);
    const built = await buildRegionCommand({
      files: [a.prime, a.subawards],
      output: join(tmp, 'gen.json'),
      region: 'imcp-chicago-metro-metal',
      counties: [],
    });
    expect(built.exitCode).toBe(0);
    const bundle = JSON.parse(readFileSync(join(tmp, 'gen.json'), 'utf8')) as Bundle;
    expect(bundle.meta.synthetic).toBe(true);
    expect(bundle.meta.title).toContain('generated DoD records (synthetic)');
    expect(built.lines.at(-1)).toContain('(synthetic: generated records)');
    expect(bundle.organizations.length).toBeGreaterThan(0);
    expect(bundle.organizations.every((o) => o.name.startsWith('Generated Firm '))).toBe(true);
  }, 60_000);
});
