import { describe, expect, it } from 'vitest';
import { chicagoGeocoder } from '../../geo/test-geocoder.ts';
import { importFiles } from './import-files.ts';

const csv = (lines: string[]) => lines.join('\n');
const TODAY = '2026-06-01';

describe('importFiles', () => {
  it('refuses a file over the size limit with its size in the message', () => {
    const outcome = importFiles([{ name: 'big.csv', data: new Uint8Array(2048) }], {
      limits: { fileBytes: 1024 },
    });
    expect(outcome.value).toBeNull();
    expect(outcome.issues).toMatchObject([
      {
        reason: 'file-too-large',
        message:
          'The file is 2 KB; Forgemap imports files up to 1 KB. Split it or remove columns you do not need.',
      },
    ]);
  });

  it('refuses a file with more rows than the limit, reading no row of it', () => {
    const outcome = importFiles([{ name: 'f.csv', data: csv(['name', 'A', 'B', 'C']) }], {
      limits: { rows: 2 },
    });
    expect(outcome.value).toBeNull();
    expect(outcome.issues[0]?.reason).toBe('too-many-rows');
    expect(outcome.issues[0]?.message).toContain('more than 2 rows');
  });

  it('takes the mapping the user chose, including which column is the name', () => {
    const data = csv(['Firm label,Where', 'Acme,60601']);
    const auto = importFiles([{ name: 'f.csv', data }], { today: TODAY });
    expect(auto.value).toBeNull();
    expect(auto.issues[0]?.reason).toBe('no-name-column');
    expect(auto.report.totals).toEqual({ rows: 1, accepted: 0, fixed: 0, rejected: 1 });
    const mapping = auto.files[0]?.mapping;
    if (mapping?.target !== 'organizations') throw new Error('expected an organizations mapping');
    const fixed = importFiles([{ name: 'f.csv', data }], {
      today: TODAY,
      mappings: [
        { target: 'organizations', columns: { ...mapping.columns, name: 'Firm label', zip: 'Where' } },
      ],
    });
    expect(fixed.value?.bundle.organizations).toMatchObject([{ id: 'acme', name: 'Acme', zip: '60601' }]);
  });

  it('uses the geocoder it is given and names the file and date in meta', () => {
    const geocoder = chicagoGeocoder('60601');
    const outcome = importFiles(
      [{ name: 'My_Firms.csv', data: csv(['name,zip', 'Acme,60601-0001', 'Beta,99999']) }],
      {
        zipGeocoder: geocoder,
        today: TODAY,
      },
    );
    expect(outcome.value?.bundle.meta).toMatchObject({
      id: 'my-firms',
      title: 'My Firms',
      asOf: TODAY,
      synthetic: false,
      source: 'My_Firms.csv',
    });
    expect(outcome.value?.bundle.organizations.map((o) => [o.lat, o.lon, o.county])).toEqual([
      [41.9, -87.6, '17031'],
      [undefined, undefined, undefined],
    ]);
    expect(outcome.issues.map((i) => [i.reason, i.row])).toEqual([
      ['geocoded-from-zip', 2],
      // Notes of equal count keep the order they were found in: what the file lacks is said after its rows.
      ['zip-not-found', 3],
      ['field-missing', undefined],
    ]);
  });

  it('stops when cancelled and imports nothing', () => {
    const outcome = importFiles([{ name: 'f.csv', data: csv(['name', 'A']) }], { isCancelled: () => true });
    expect(outcome.value).toBeNull();
    expect(outcome.issues.map((i) => i.reason)).toContain('cancelled');
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    importFiles([{ name: 'f.csv', data: csv(['name', 'A', 'B']) }], { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= (seen[i - 1] ?? 0))).toBe(true);
  });

  it('does not change the open dataset it attaches links to', () => {
    const base = {
      format: 'forgemap.bundle' as const,
      version: 1 as const,
      meta: {
        id: 'b',
        title: 'B',
        description: '',
        source: 's',
        license: 'l',
        asOf: '2026-01-01',
        synthetic: true,
      },
      organizations: [
        {
          id: 'a' as never,
          name: 'A',
          kind: 'manufacturer' as const,
          naics: [],
          capabilities: [],
          certifications: [],
          trains: [],
          needs: [],
        },
        {
          id: 'b' as never,
          name: 'B',
          kind: 'prime' as const,
          naics: [],
          capabilities: [],
          certifications: [],
          trains: [],
          needs: [],
        },
      ],
      links: [],
      capabilities: [],
      regions: [],
    };
    const before = structuredClone(base);
    const outcome = importFiles([{ name: 'l.csv', data: csv(['source,target', 'a,b']) }], { base });
    expect(outcome.value?.bundle.links).toEqual([{ source: 'a', target: 'b', kind: 'supplies' }]);
    expect(base).toEqual(before);
  });
});
