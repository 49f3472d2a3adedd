// The records worker's build, run in Node with DuckDB's native engine standing in for DuckDB-Wasm (the same
// SQL runs on both): it must give the CLI's bundle for the golden downloads, zipped or not, and name bad files.
import { DuckDBInstance } from '@duckdb/node-api';
import { engineOf } from '../../../scripts/cli/duck.ts';
import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegionCommand } from '../../../scripts/cli/build-region.ts';
import type { Bundle } from '../../domain/model.ts';
import { readColumnar } from '../../io/columnar.ts';
import { canonicalBundleText, contentHash } from '../../io/export/bundle-json.ts';
import type { RecordsEvent, RecordsOutcome, RecordsRequest } from './records-api.ts';
import { MAX_BROWSER_FILE_BYTES, recordsHandlers } from './records-api.ts';
import type { BrowserDuck } from './duckdb-browser.ts';
import { Moved } from '../actor.ts';
import { OutcomeAssembler } from '../import-parts.ts';

const GOLDEN = join(import.meta.dirname, '..', '..', '..', 'tests', 'golden', 'records', 'chicago');
const names = readdirSync(GOLDEN).filter((f) => f.endsWith('.csv'));
const goldenFiles = () =>
  names.map((n) => new File([readFileSync(join(GOLDEN, n))], n, { type: 'text/csv' }));
const REGION = {
  id: 'imcp-chicago-metro-metal',
  name: 'Chicago Metro Metal Consortium (CMMC)',
  program: 'IMCP',
  counties: ['17031', '17043', '17089', '17093', '17097', '17111', '17197'],
};

/** DuckDB (native) behind the browser engine's interface: registered files are written to a folder it searches. */
async function nodeDuck(): Promise<BrowserDuck> {
  const dir = mkdtempSync(join(tmpdir(), 'forgemap-duck-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`SET file_search_path = '${dir}'`);
  return {
    engine: engineOf(connection),
    registerFile: async (name, file) =>
      writeFileSync(join(dir, name), new Uint8Array(await file.arrayBuffer())),
    registerText: async (name, text) => writeFileSync(join(dir, name), text),
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs the worker's method as the client does: progress events apart, the records put back from their parts. */
async function build(
  files: File[],
): Promise<{ outcome: RecordsOutcome; events: RecordsProgress[]; statuses: Map<string, string> }> {
  const events: RecordsProgress[] = [];
  const statuses = new Map<string, string>();
  const parts = new OutcomeAssembler();
  const handlers = recordsHandlers(nodeDuck);
  const request: RecordsRequest = { region: REGION, files };
  const answer = await handlers.build(request, {
    emit: (event) => {
      if (event.type === 'progress') events.push(event);
      else if (event.type === 'file') statuses.set(event.label, event.status);
      else parts.add(event);
    },
    cancelled: () => false,
  });
  const outcome = answer instanceof Moved ? answer.value : answer;
  if (!outcome.ok) return { outcome, events, statuses };
  return { outcome: { ...outcome, bundle: await parts.bundle(outcome.bundle) }, events, statuses };
}

type RecordsProgress = Extract<RecordsEvent, { type: 'progress' }>;

describe('the records worker', () => {
  it("builds the CLI's bundle from the golden downloads, with progress that only grows", async () => {
    const { outcome, events } = await build(goldenFiles());
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const out = join(mkdtempSync(join(tmpdir(), 'forgemap-cli-')), 'cli.json');
    await buildRegionCommand({
      files: names.map((n) => join(GOLDEN, n)),
      output: out,
      region: REGION.id,
      counties: [],
    });
    const cli = JSON.parse(readFileSync(out, 'utf8')) as Bundle;
    expect(outcome.bundle.organizations).toEqual(cli.organizations);
    expect(outcome.bundle.links).toEqual(cli.links);
    expect(outcome.headline.firms).toBe(4);
    expect(outcome.headline.years.map((y) => [y.fiscalYear, y.region])).toEqual([
      [2023, 5_000_000],
      [2024, 3_650_000],
    ]);
    const fractions = events.map((e) => e.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.map((e) => e.doing)).toContain('Linking subawardees to primes');
    // The form the app keeps: the bundle in columns, and the hash and size of its canonical text.
    const text = new TextEncoder().encode(canonicalBundleText(outcome.bundle));
    expect(outcome.canonical.hash).toBe(await contentHash(text));
    expect(outcome.canonical.size).toBe(text.byteLength);
    const columns = outcome.canonical.columns;
    const kept = readColumnar(
      columns instanceof Blob ? new Uint8Array(await columns.arrayBuffer()) : columns,
      'built',
    ).value!;
    expect(kept.organizationCount).toBe(outcome.bundle.organizations.length);
    expect(kept.organization(0)).toEqual(outcome.bundle.organizations[0]);
    expect(kept.links.count).toBe(outcome.bundle.links.length);
  }, 60_000);

  it('ranks the industries from a County Business Patterns file given with the downloads', async () => {
    const cbp = new File([readFileSync(join(GOLDEN, 'cbp22co.txt'))], 'cbp22co.txt', { type: 'text/plain' });
    const { outcome, events } = await build([...goldenFiles(), cbp]);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    // The figures of tests/records-golden.test.ts, computed by hand there.
    expect(outcome.headline.strongest.map((x) => [x.naics, x.establishments, x.lqEstablishments])).toEqual([
      ['332811', 15, 2.5],
      ['332710', 60, 2],
    ]);
    expect(outcome.bundle.meta.source).toContain('cbp22co.txt');
    expect(events.map((e) => e.doing)).toContain(
      "Ranking the region's industries (County Business Patterns)",
    );
  }, 60_000);

  it('unpacks a zipped download into the same bundle', async () => {
    const zip = zipSync(Object.fromEntries(names.map((n) => [`d/${n}`, readFileSync(join(GOLDEN, n))])));
    const { outcome, statuses } = await build([new File([zip], 'PrimeAwardsTransactionsAndSubawards.zip')]);
    // Each file says where it stands: the zip unpacked, each entry recognised.
    expect(statuses.get('PrimeAwardsTransactionsAndSubawards.zip')).toBe('unpacked: 2 files');
    expect(
      statuses.get(
        'PrimeAwardsTransactionsAndSubawards.zip → Contracts_Subawards_2026-11-30_H10M00S00_1.csv',
      ),
    ).toMatch(/^contract subawards, \d/);
    const { outcome: plain } = await build(goldenFiles());
    if (!outcome.ok || !plain.ok) throw new Error('build failed');
    expect(outcome.bundle.organizations).toEqual(plain.bundle.organizations);
    expect(outcome.bundle.meta.source).toContain(
      'PrimeAwardsTransactionsAndSubawards.zip → Contracts_PrimeTransactions_2026-11-30_H10M00S00_1.csv',
    );
  }, 60_000);

  it('names each bad file and builds nothing', async () => {
    const zip = zipSync(Object.fromEntries(names.map((n) => [n, readFileSync(join(GOLDEN, n))])));
    const { outcome } = await build([
      new File(['assistance_transaction_unique_key,federal_action_obligation\n'], 'grants.csv'),
      new File([''], 'empty.csv'),
      new File([zip.subarray(0, zip.length >> 1)], 'cut.zip'),
      new File([zipSync({ 'README.md': strToU8('x') })], 'readme.zip'),
    ]);
    expect(outcome.ok).toBe(false);
    const errors = outcome.ok ? [] : outcome.errors;
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^cut\.zip: the zip file is (damaged|cut short)/);
    expect(errors[1]).toBe('readme.zip: the zip file holds no .csv, .txt or .dat file');
    expect(errors[2]).toMatch(/^grants\.csv: this is a financial assistance download/);
    expect(errors[3]).toBe('empty.csv: is empty');
  });

  it('refuses a file over the browser limit with the size and the way out', async () => {
    const huge = new File(['x'], 'Contracts_PrimeTransactions_all.csv');
    Object.defineProperty(huge, 'size', { value: 4 * 2 ** 30 });
    const { outcome } = await build([huge]);
    expect(outcome).toEqual({
      ok: false,
      errors: [
        `Contracts_PrimeTransactions_all.csv: is 4.0 GB; the browser takes files up to ${(MAX_BROWSER_FILE_BYTES / 2 ** 30).toFixed(1)} GB each. Use the command line (npm run forgemap -- build-region), which has no limit, or download fewer fiscal years per file.`,
      ],
    });
  });
});
