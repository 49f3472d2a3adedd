import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBundleJson } from './export/bundle-json.ts';
import { REMOVED_TEXT, REMOVED_VALUES, secretive, spellings } from './export/test-bundles.ts';
import { allOutputs } from './export/test-bundles.ts';
import { loadBundle } from './load-bundle.ts';
import { parseJson } from './parse-json.ts';
import { cleanMarking, redactBundle, sharingNotice } from './redact.ts';
import { valueBand } from './value-bands.ts';

describe('redactBundle', () => {
  it('partner: no output holds a removed identifier, contact, note or exact dollar value; names and bands stay', async () => {
    const redacted = redactBundle(secretive(), {
      profile: 'partner',
      marking: 'Internal — do not distribute',
    });
    const all = await allOutputs(redacted);
    for (const [name, text] of Object.entries(all)) {
      expect(text.length, name).toBeGreaterThan(0);
      for (const secret of REMOVED_TEXT) expect(text.includes(secret), `${name} holds ${secret}`).toBe(false);
      for (const value of REMOVED_VALUES)
        for (const spelled of spellings(value))
          expect(text.includes(spelled), `${name} holds ${spelled}`).toBe(false);
      expect(text, name).toContain('Quillfeather Defense Systems');
      expect(text, name).toContain('Internal — do not distribute');
    }
    // Each value became the lower bound of its band.
    expect(redacted.links.map((l) => l.value)).toEqual([1_000_000, 0, 100_000_000]);
    expect(redacted.organizations[0]!.needs[0]!.annualValue).toBe(1_000_000);
    expect(redacted.meta.dod!.years[0]).toMatchObject({ region: 10_000_000, state: 100_000_000 });
    expect(redacted.meta.sharing).toEqual({ profile: 'partner', marking: 'Internal — do not distribute' });
  });

  it('the control: a full copy holds everything the partner copy removes, so the search above can fail', async () => {
    const all = await allOutputs(redactBundle(secretive(), { profile: 'full' }));
    expect(all['bundle']).toContain('UEIQX7Z9K2L4');
    expect(all['bundle']).toContain('7654321');
    expect(all['csv']).toContain('Zephyrquarry');
    expect(all['graphml']).toContain('NOTE-QZ7');
  });

  it('keeps the copy a valid bundle that loads back with its profile and marking', () => {
    const redacted = redactBundle(secretive(), { profile: 'partner', marking: '  Internal\n only  ' });
    const parsed = parseJson(exportBundleJson(redacted), 'x.json');
    const loaded = loadBundle(parsed.value);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(loaded.value?.meta.sharing).toEqual({ profile: 'partner', marking: 'Internal only' });
  });

  it('never loosens: a partner copy asked for as full stays partner, and keeps its marking unless given one', () => {
    const partner = redactBundle(secretive(), { profile: 'partner', marking: 'First' });
    const again = redactBundle(partner, { profile: 'full' });
    expect(again.meta.sharing).toEqual({ profile: 'partner', marking: 'First' });
    expect(again.links).toEqual(partner.links);
    expect(redactBundle(partner, { profile: 'full', marking: 'Second' }).meta.sharing?.marking).toBe(
      'Second',
    );
  });

  it('rejects a hand-edited bundle that names a profile this version does not know', () => {
    const text = exportBundleJson(redactBundle(secretive(), { profile: 'partner' })).replace(
      '"profile":"partner"',
      '"profile":"secret"',
    );
    const loaded = loadBundle(parseJson(text, 'x.json').value);
    expect(loaded.value).toBeNull();
    expect(loaded.issues.map((i) => i.message).join(' ')).toMatch(
      /sharing profile "secret" is not one of full, partner/,
    );
  });

  it('redacts the Chicago sample with every value on a band bound', () => {
    const text = readFileSync(new URL('../../data/samples/chicago.json', import.meta.url), 'utf8');
    const bundle = loadBundle(JSON.parse(text)).value!;
    const redacted = redactBundle(bundle, { profile: 'partner' });
    const bounds = new Set([0, 1_000_000, 10_000_000, 100_000_000]);
    expect(redacted.links.every((l) => l.value === undefined || bounds.has(l.value))).toBe(true);
    expect(redacted.organizations.every((o) => o.uei === undefined && o.cage === undefined)).toBe(true);
    expect(redacted.organizations.map((o) => o.name)).toEqual(bundle.organizations.map((o) => o.name));
  });
});

describe('valueBand, cleanMarking, sharingNotice', () => {
  it('puts values in their bands, bounds included', () => {
    expect(
      [-5, 0, 999_999.99, 1_000_000, 9_999_999, 10_000_000, 100_000_000, 5e9].map((v) => valueBand(v).from),
    ).toEqual([0, 0, 0, 1_000_000, 1_000_000, 10_000_000, 100_000_000, 100_000_000]);
  });

  it('keeps one trimmed line of at most 200 characters, or none', () => {
    expect(cleanMarking('  a\n\tb  ')).toBe('a b');
    expect(cleanMarking('   ')).toBeUndefined();
    expect(cleanMarking('x'.repeat(300))).toHaveLength(200);
  });

  it('says what a shared copy is', () => {
    expect(sharingNotice(undefined)).toBeNull();
    expect(sharingNotice({ profile: 'full' })).toBeNull();
    expect(sharingNotice({ profile: 'full', marking: 'Internal' })).toBe('Internal');
    expect(sharingNotice({ profile: 'partner', marking: 'Internal' })).toMatch(
      /^Partner view: .* · Internal$/,
    );
  });
});
