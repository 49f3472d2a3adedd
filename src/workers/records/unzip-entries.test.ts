import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unzipRecordEntries } from './unzip-entries.ts';

// 40 MB of rows (more than two 16 MB pieces), which compress well.
const row = 'k,Alpha Precision Machining LLC,097,1000.00,2024-03-01,2024\n';
const big = row.repeat(Math.ceil((40 * 2 ** 20) / row.length));
const cbp = 'fipstate,fipscty,naics,emp,est\n17,031,332811,400,15\n';
const zip = zipSync({
  'data/Contracts_PrimeTransactions_1.csv': strToU8(big),
  'README.md': strToU8('not a download'),
  'cbp22co.txt': strToU8(cbp),
});
const options = (over: Partial<Parameters<typeof unzipRecordEntries>[1]> = {}) => ({
  onBytes: () => {},
  maxEntryBytes: 2 ** 31,
  tooBig: (name: string, bytes: number) => `${name} is ${bytes} bytes`,
  ...over,
});

describe('unzipRecordEntries', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('unpacks the download entries (not the others), whole, in order, with the compressed bytes read', async () => {
    const read: number[] = [];
    const files = await unzipRecordEntries(new Blob([zip]), options({ onBytes: (n) => read.push(n) }));
    expect(files.map((f) => [f.file.name, f.file.size, f.bytes, f.projected])).toEqual([
      ['Contracts_PrimeTransactions_1.csv', big.length, big.length, false],
      ['cbp22co.txt', cbp.length, cbp.length, false],
    ]);
    expect(await files[0]!.file.text()).toBe(big);
    expect(files[1]!.start).toBe(cbp);
    expect(read.at(-1)).toBe(zip.length);
  });

  it("inflates the same bytes without the browser's DecompressionStream", async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    const files = await unzipRecordEntries(new Blob([zip]), options());
    expect(files.map((f) => f.file.size)).toEqual([big.length, cbp.length]);
    expect(await files[1]!.file.text()).toContain('332811');
  });

  it('projects the entries it is asked to as they inflate, and tells them by their start', async () => {
    const seen: string[] = [];
    const files = await unzipRecordEntries(
      new Blob([zip]),
      options({
        project: (start) => {
          seen.push(start.slice(0, 8));
          return start.startsWith('k,') ? ['naics'] : null;
        },
      }),
    );
    // The prime file's first line is a row here, taken as its header: column "Alpha Precision Machining LLC"
    // is not kept, so rows are empty; what matters is that it went through the projector, whole.
    expect(seen.sort()).toEqual(['fipstate', 'k,Alpha ']);
    expect(files.map((f) => [f.projected, f.bytes])).toEqual([
      [true, big.length],
      [false, cbp.length],
    ]);
    expect(files[0]!.file.size).toBeLessThan(big.length / 10);
  });

  it('says a zip cut short is cut short, and does not hang', async () => {
    const cut = new Blob([zip.subarray(0, zip.length >> 1)]);
    await expect(unzipRecordEntries(cut, options())).rejects.toThrow(/cut short|invalid|unexpected/i);
  });

  it('counts a projected entry by what it keeps', async () => {
    const files = await unzipRecordEntries(
      new Blob([zip]),
      options({ maxEntryBytes: 2 ** 20, project: (start) => (start.startsWith('k,') ? ['naics'] : null) }),
    );
    expect(files[0]!.bytes).toBe(big.length);
    expect(files[0]!.file.size).toBeLessThan(2 ** 20);
  });

  it('stops at an entry over the limit, with the message for it', async () => {
    await expect(unzipRecordEntries(new Blob([zip]), options({ maxEntryBytes: 2 ** 20 }))).rejects.toThrow(
      /^Contracts_PrimeTransactions_1\.csv is \d+ bytes$/,
    );
  });
});
