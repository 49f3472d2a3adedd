import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../forgemap.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'forgemap-import-'));
}

describe('forgemap import', () => {
  it('imports organizations and links, prints the report, writes the bundle and the CSV report', async () => {
    const dir = await tempDir();
    const orgs = join(dir, 'firms.csv');
    const links = join(dir, 'links.csv');
    await writeFile(
      orgs,
      'id,name,kind,lat,lon\np,Big Prime,prime,41.9,-87.6\ns,"Acme, Inc.",manufacturer,291.3,-87.6\n',
    );
    await writeFile(links, 'supplier,buyer,amount\ns,p,1000\nzz,p,5\n');
    const out = join(dir, 'out.json');
    const report = join(dir, 'report.csv');
    const { lines, exitCode } = await run(['import', orgs, links, '-o', out, '--report', report]);
    expect(exitCode).toBe(0);
    expect(lines[0]).toBe('Imported 2 organizations and 1 link.');
    expect(lines[1]).toBe('  firms.csv (CSV of organizations): 2 rows: 1 accepted, 1 fixed, 0 rejected');
    expect(lines[2]).toBe('  links.csv (CSV of links): 2 rows: 1 accepted, 0 fixed, 1 rejected');
    expect(lines).toContain(
      '    links.csv: Row 3: supplier "zz" is not an organization of the import (by id, UEI or name); this link was not imported.',
    );
    expect(lines).toContain(
      '    firms.csv: Row 3: latitude 291.3 is outside -90…90; the coordinates were left out.',
    );
    const bundle = JSON.parse(await readFile(out, 'utf8')) as {
      organizations: { id: string; lat?: number }[];
      links: unknown[];
    };
    expect(bundle.organizations.map((o) => [o.id, o.lat])).toEqual([
      ['p', 41.9],
      ['s', undefined],
    ]);
    expect(bundle.links).toEqual([{ source: 's', target: 'p', kind: 'supplies', value: 1000 }]);
    const csv = (await readFile(report, 'utf8')).split('\n');
    expect(csv).toContain(
      'links.csv,3,rejected,link-unknown-org,supplier,zz,"supplier ""zz"" is not an organization of the import (by id, UEI or name); this link was not imported."',
    );
  });

  it('exits 1 when nothing could be imported', async () => {
    const dir = await tempDir();
    const file = join(dir, 'links.csv');
    await writeFile(file, 'source,target\na,b\n');
    const { lines, exitCode } = await run(['import', file, '-o', join(dir, 'out.json')]);
    expect(exitCode).toBe(1);
    expect(lines[0]).toBe('Nothing was imported.');
  });

  it('forces a format with --format and rejects bad usage with exit 2', async () => {
    const dir = await tempDir();
    const file = join(dir, 'data.txt');
    await writeFile(file, 'name\nAcme\n');
    expect((await run(['import', file, '--format', 'orgs', '-o', join(dir, 'o.json')])).exitCode).toBe(0);
    expect((await run(['import', file])).errors?.[0]).toBe('forgemap: import needs -o <bundle.json>');
    expect((await run(['import', file, '--format', 'xls', '-o', 'x.json'])).errors?.[0]).toBe(
      'forgemap: --format "xls" is not one of bundle, json-tables, organizations, links, subawards, gexf, graphml, geojson',
    );
    expect((await run(['import', '-o', 'x.json'])).errors?.[0]).toBe(
      'forgemap: import takes one or two files',
    );
    expect((await run(['import', join(dir, 'missing.csv'), '-o', 'x.json'])).exitCode).toBe(2);
  });
});
