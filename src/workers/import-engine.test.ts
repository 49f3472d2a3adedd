import { describe, expect, it } from 'vitest';
import { exportBundleJson } from '../io/export/bundle-json.ts';
import { bigBundle } from '../io/export/test-bundles.ts';
import { encodeLinkPart, SPLIT_MIN_CHARS } from '../io/link-split.ts';
import { runImport } from './import-engine.ts';
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
    let calls = 0;
    const withHelper = await runImport(request, undefined, undefined, async (part) => {
      calls++;
      return structuredClone(encodeLinkPart(part));
    });
    const alone = await runImport(request);
    expect(calls).toBe(1);
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
    await runImport(request, undefined, undefined, async (part) => {
      calls++;
      return encodeLinkPart(part);
    });
    expect(calls).toBe(0);
  }, 60_000);
});
