// Property test: random bytes and mutated valid inputs, fed to every importer, never make one throw or
// hang, and every rejection says why. Seeded, so a failure replays; bounded to run in a few seconds.
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { chicagoGeocoder } from '../../geo/test-geocoder.ts';
import { loadBundle } from '../load-bundle.ts';
import { importFiles } from './import-files.ts';
import { readOnEngine } from './engine-files.ts';
import { openNodeHost } from '../../../scripts/cli/duck.ts';
import type { ImportFormat } from './formats.ts';

/** A seeded PRNG (d3-random's LCG), so a failure can be replayed from its seed. */
const prng = (seed: number): (() => number) => randomLcg(seed);

const geocoder = chicagoGeocoder('606');

const SEEDS: Record<Exclude<ImportFormat, 'bundle'> | 'bundle', string> = {
  organizations:
    'id,name,kind,lat,lon,zip,county,naics,uei,cage,employees,certifications\n' +
    'a,"Acme, Inc.",prime,41.9,-87.6,60601,17031,332710,ACMETD123456,1ABC2,12,"AS9100; ITAR"\n' +
    'b,Beta,manufacturer,,,606011234,6037,3327,,,"1,200",\n',
  links: 'source,target,value,capability,year,kind\na,b,"$1,000",332710,FY2024,supplies\nx,a,5,,1850,odd\n',
  subawards:
    'prime_award_unique_key,prime_awardee_uei,prime_awardee_name,prime_awardee_zip_code,prime_award_naics_code,subawardee_uei,subawardee_name,subawardee_country_code,subawardee_zip_code,subaward_amount,subaward_action_date\n' +
    'K1,PRIMEUEI0001,Prime Co,60601,336413,SUBUEI000001,Sub Co,USA,606071234,100,2024-01-02\n' +
    'K1,PRIMEUEI0001,Prime Co,60601,336413,,Foreign GmbH,DEU,,50,2024-02-03\n',
  gexf:
    '<?xml version="1.0"?><gexf xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="directed">' +
    '<attributes class="node"><attribute id="0" title="kind" type="string"/></attributes>' +
    '<nodes><node id="a" label="A"><attvalues><attvalue for="0" value="prime"/></attvalues><viz:position x="1" y="2"/></node>' +
    '<node id="b" label="B"/></nodes><edges><edge id="e" source="b" target="a"/></edges></graph></gexf>',
  graphml:
    '<?xml version="1.0"?><graphml><key id="d0" for="node" attr.name="name" attr.type="string"/>' +
    '<graph edgedefault="directed"><node id="a"><data key="d0">A</data></node><node id="b"/>' +
    '<edge source="b" target="a"/></graph></graphml>',
  geojson:
    '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-87.6,41.9]},' +
    '"properties":{"name":"A","kind":"prime","zip":"60601"}},{"type":"Feature","geometry":null,"properties":{"name":"B","zip":"60607"}}]}',
  bundle:
    '{"format":"forgemap.bundle","version":1,"meta":{"id":"x","title":"X","source":"s","license":"l","asOf":"2026-01-01","synthetic":true},' +
    '"organizations":[{"id":"a","name":"A","kind":"prime"},{"id":"b","name":"B","kind":"manufacturer"}],"links":[{"source":"b","target":"a","kind":"supplies"}]}',
  'json-tables':
    '{"organizations":[{"id":"a","name":"A","kind":"prime","zip":"60601","naics":["336411"]},{"id":"b","name":"B","kind":"manufacturer","lat":41.9,"lon":-87.6}],' +
    '"links":[{"source":"b","target":"a","capability":"332710","value":1000}]}',
};

const NASTY = [
  '"',
  ',',
  ';',
  '\t',
  '\n',
  '\r\n',
  '<',
  '>',
  '&',
  '{',
  '}',
  '[',
  ']',
  '__proto__',
  'constructor',
  'NaN',
  '-1e309',
  '\u0000',
  '\ufeff',
  'é',
  '\uffff',
  '99999999999999999999',
];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const choice = random();
    if (choice < 0.35)
      out = out.slice(0, at) + (NASTY[Math.floor(random() * NASTY.length)] ?? '') + out.slice(at);
    else if (choice < 0.6) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else if (choice < 0.8)
      out = out.slice(0, at) + out.slice(Math.floor(random() * out.length)); // splice in a copy
    else out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x250)) + out.slice(at);
  }
  return out;
}

function randomBytes(random: () => number): Uint8Array {
  const bytes = new Uint8Array(Math.floor(random() * 400));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

async function check(
  files: { name: string; data: Uint8Array | string }[],
  format?: ImportFormat,
): Promise<void> {
  const formats = format === undefined ? undefined : files.map(() => format);
  const outcome = importFiles(await readOnEngine(files, { formats }, openNodeHost), {
    zipGeocoder: geocoder,
    today: '2026-06-01',
    formats,
  });
  for (const issue of outcome.issues) expect(issue.message.trim(), JSON.stringify(issue)).not.toBe('');
  for (const group of outcome.report.groups) expect(group.title).not.toBe('');
  const { totals } = outcome.report;
  expect(totals.accepted + totals.fixed + totals.rejected).toBe(totals.rows);
  if (outcome.value !== null) {
    // What comes out is always a bundle the loader takes without an error.
    const again = loadBundle(JSON.parse(JSON.stringify(outcome.value.bundle)));
    expect(again.value).not.toBeNull();
    expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('importers under random input', () => {
  const ITERATIONS = 120;

  it('random bytes, detected or forced into each format, never throw', async () => {
    const random = prng(1);
    const formats = [undefined, ...(Object.keys(SEEDS) as ImportFormat[])];
    for (let i = 0; i < ITERATIONS; i++) {
      const format = formats[i % formats.length];
      await check([{ name: `noise-${i}.bin`, data: randomBytes(random) }], format);
    }
  });

  for (const [format, seed] of Object.entries(SEEDS) as [ImportFormat, string][]) {
    it(`mutated ${format} input never throws and explains every rejection`, async () => {
      const random = prng(format.length * 7919);
      for (let i = 0; i < ITERATIONS; i++) {
        const mutated = mutate(seed, random);
        const files = [{ name: `case-${i}.${format === 'geojson' ? 'geojson' : 'txt'}`, data: mutated }];
        // Links need organizations: pair them with the organizations seed, as a user would.
        if (format === 'links') files.unshift({ name: 'orgs.csv', data: SEEDS.organizations });
        await check(files, i % 2 === 0 ? undefined : format);
      }
    });
  }
});
