import { describe, expect, it } from 'vitest';
import { exportBundleJson } from '../io/export/bundle-json.ts';
import { bigBundle } from '../io/export/test-bundles.ts';
import { encodeLinkPart, SPLIT_MIN_CHARS } from '../io/link-split.ts';
import type { PartParser } from '../io/link-split.ts';
import { emptyMapping } from '../io/import/column-mapping.ts';
import { mayReadZip, runImport } from './import-engine.ts';
import type { ImportRequest } from './import-protocol.ts';

const bigBundleText = () => exportBundleJson(bigBundle());

describe('runImport with a link-part helper', () => {
  it('reads a big bundle with the helper and gives exactly the outcome of one thread', async () => {
    const text = bigBundleText();
    expect(text.length).toBeGreaterThan(SPLIT_MIN_CHARS);
    const request: ImportRequest = {
      files: [{ name: 'big.json', bytes: new TextEncoder().encode(text) }],
      today: '2026-12-01',
    };
    const events: string[] = [];
    const helper: PartParser = async (part) => {
      events.push('parse');
      return structuredClone(encodeLinkPart(part));
    };
    // The helper is started and has answered before this thread parses (and before the part is sent).
    helper.ready = async () => {
      events.push('ready');
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push('up');
    };
    const withHelper = await runImport(request, undefined, undefined, helper);
    const alone = await runImport(request);
    expect(events).toEqual(['ready', 'up', 'parse']);
    expect(withHelper.value?.bundle.links).toHaveLength(219_999);
    expect(withHelper.files[0]?.twoCores).toBe(true);
    expect(alone.files[0]?.twoCores).toBeUndefined();
    delete withHelper.files[0]?.twoCores;
    expect(withHelper).toEqual(alone);
    expect(withHelper.report.files[0]?.rejected).toBe(1);
  }, 60_000);

  it('does not use the helper when the user chose another format for the file', async () => {
    const request: ImportRequest = {
      files: [{ name: 'big.json', bytes: new TextEncoder().encode(bigBundleText()) }],
      formats: ['geojson'],
      today: '2026-12-01',
    };
    let calls = 0;
    const helper: PartParser = async (part) => {
      calls++;
      return encodeLinkPart(part);
    };
    helper.ready = async () => void calls++;
    await runImport(request, undefined, undefined, helper);
    expect(calls).toBe(0);
  }, 60_000);
});

describe('mayReadZip', () => {
  const file = (text: string | Uint8Array, name = 'f') => ({
    name,
    bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
  });
  const gexf = '<gexf><graph><nodes><node id="a" label="Acme"/></nodes></graph></gexf>';

  it('is false for a network file that names no ZIP column, true when a file or a mapping does', () => {
    expect(mayReadZip({ files: [file(gexf)] })).toBe(false);
    expect(mayReadZip({ files: [file(gexf), file('name,ZIP Code\nAcme,60601\n')] })).toBe(true);
    expect(mayReadZip({ files: [file('name,Postal\nAcme,60601\n')] })).toBe(true);
    expect(mayReadZip({ files: [file('{"organizations":[{"id":"a","zip":"60601"}]}')] })).toBe(true);
    // The user mapped a column without a ZIP-like name to ZIP.
    const columns = { ...emptyMapping('organizations').columns, zip: 'code' } as never;
    expect(
      mayReadZip({
        files: [file('name,code\nAcme,60601\n')],
        mappings: [{ target: 'organizations', columns }],
      }),
    ).toBe(true);
    expect(
      mayReadZip({ files: [file('name,code\nAcme,60601\n')], mappings: [emptyMapping('organizations')] }),
    ).toBe(false);
  });

  it('is true for what cannot be searched as it is: archives, UTF-16 text, very big files', () => {
    expect(mayReadZip({ files: [file(Uint8Array.of(0x50, 0x4b, 3, 4))] })).toBe(true);
    expect(mayReadZip({ files: [file(Uint8Array.of(0x1f, 0x8b, 8, 0))] })).toBe(true);
    expect(mayReadZip({ files: [file(Uint8Array.of(0xff, 0xfe, 0x6e, 0))] })).toBe(true);
    expect(mayReadZip({ files: [file(new Uint8Array(16 * 1024 * 1024 + 1))] })).toBe(true);
  });

  it('is false for a Forgemap bundle of any size (its reader geocodes nothing), unless another file may', () => {
    const big = (head: string) => {
      const bytes = new Uint8Array(16 * 1024 * 1024 + 1).fill(0x20);
      bytes.set(new TextEncoder().encode(head));
      return bytes;
    };
    expect(mayReadZip({ files: [file(big('{"format":"forgemap.bundle","zip":"60601"'))] })).toBe(false);
    expect(mayReadZip({ files: [file(big('\ufeff{\n  "format" : "forgemap.bundle",'))] })).toBe(false);
    // Named a bundle by the user; and a bundle with a table that names a ZIP column.
    expect(mayReadZip({ files: [file(big('{"links":[],'))], formats: ['bundle'] })).toBe(false);
    expect(
      mayReadZip({ files: [file(big('{"format":"forgemap.bundle",')), file('name,zip\nAcme,60601\n')] }),
    ).toBe(true);
    // Another format first, or the format further in: searched (or, big, counted as needing it) as before.
    expect(mayReadZip({ files: [file('{"format":"other","organizations":[{"zip":"60601"}]}')] })).toBe(true);
    expect(mayReadZip({ files: [file(big('{"organizations":[],"format":"forgemap.bundle"'))] })).toBe(true);
  });

  it('gives the outcome of loading the table anyway: a CSV with ZIPs is placed, a GEXF is the same', async () => {
    const csv = await runImport({
      files: [file('name,zip\nAcme Tool,60601\n', 'firms.csv')],
      today: '2026-12-01',
    });
    expect(csv.value?.bundle.organizations[0]?.county).toBe('17031');
    const network = await runImport({ files: [file(gexf, 'n.gexf')], today: '2026-12-01' });
    expect(network.value?.bundle.organizations.map((o) => o.name)).toEqual(['Acme']);
  });
});
