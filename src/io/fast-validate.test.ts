import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { linkSchema, organizationSchema } from './bundle-schema.ts';
import { fastLink, fastOrganization } from './fast-validate.ts';

// Valid records, then mutations that each may or may not break a rule. Whatever the fast path accepts,
// zod must accept with the same output; and the fast path must accept the common valid records.
const validOrg = {
  id: 'f-1',
  name: 'Calumet Precision',
  kind: 'manufacturer',
  lat: 41.7,
  lon: -87.6,
  address: '1 Main St',
  city: 'Chicago',
  state: 'IL',
  zip: '60601-1234',
  county: '17031',
  naics: ['332710', '332811'],
  capabilities: ['5-axis-machining'],
  certifications: ['AS9100', 'ITAR'],
  employees: 42,
  uei: 'ABCDEFGH1234',
  cage: '1AB23',
  website: 'example.invalid',
  trains: [],
  needs: [{ capability: '332811', annualValue: 1000 }, { capability: 'nadcap-ndt' }],
};
const validLink = {
  source: 'a',
  target: 'b',
  kind: 'subcontract',
  capability: '332811',
  value: 250000,
  year: 2025,
};

const odd: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x',
  'ABC',
  '17031',
  '1703',
  '332710',
  '33271',
  'Nadcap',
  'nadcap-ndt',
  -1,
  0,
  1.5,
  91,
  -181,
  1e14,
  2025,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  ['332710'],
  ['bad code'],
  [''],
  {},
  { capability: '332811', annualValue: -5 },
  'a'.repeat(201),
  'a'.repeat(501),
  'prime',
  'training',
  'trains',
  'IL',
  'il',
  '60601',
  '60601-12',
  'ABCDEFGH1234',
  'abcdefgh1234',
];

function mutations(base: Record<string, unknown>, seed: number, count: number): Record<string, unknown>[] {
  const random = randomLcg(seed);
  const keys = [...Object.keys(base), 'extra', '__proto__'];
  const out: Record<string, unknown>[] = [];
  for (let n = 0; n < count; n++) {
    const record: Record<string, unknown> = { ...base };
    const changes = 1 + Math.floor(random() * 3);
    for (let c = 0; c < changes; c++) {
      const key = keys[Math.floor(random() * keys.length)]!;
      const value = odd[Math.floor(random() * odd.length)];
      if (random() < 0.15) delete record[key];
      else
        Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    }
    out.push(record);
  }
  return out;
}

describe('fast validation paths', () => {
  it('accept the common valid records', () => {
    expect(fastOrganization(validOrg)).toEqual(organizationSchema.parse(validOrg));
    expect(fastOrganization({ id: 'm', name: 'M', kind: 'support' })).toEqual(
      organizationSchema.parse({ id: 'm', name: 'M', kind: 'support' }),
    );
    expect(fastLink(validLink)).toEqual(linkSchema.parse(validLink));
    expect(fastLink({ source: 'a', target: 'b', kind: 'trains' })).toEqual({
      source: 'a',
      target: 'b',
      kind: 'trains',
    });
  });

  it.each([
    ['organization', validOrg, fastOrganization, organizationSchema],
    ['link', validLink, fastLink, linkSchema],
  ] as const)('never accept a %s that zod rejects, and agree on the output', (_name, base, fast, schema) => {
    let accepted = 0;
    let rejected = 0;
    for (const record of mutations(base, 20261122, 5000)) {
      const mine = fast(record);
      const zods = schema.safeParse(record);
      if (mine !== null) {
        accepted++;
        expect(zods.success, JSON.stringify(record)).toBe(true);
        expect(mine).toEqual(zods.data);
      } else {
        rejected++;
      }
      // The fast path may decline a valid record (zod then takes it), but should not decline many.
      if (zods.success && mine === null)
        expect.unreachable(`declined a valid record: ${JSON.stringify(record)}`);
    }
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('do not copy unknown keys, including __proto__ from JSON', () => {
    const raw = JSON.parse(
      '{"source":"a","target":"b","kind":"supplies","__proto__":{"x":1},"extra":2}',
    ) as unknown;
    const link = fastLink(raw);
    expect(link).toEqual({ source: 'a', target: 'b', kind: 'supplies' });
    expect(Object.keys(link ?? {})).toEqual(['source', 'target', 'kind']);
  });
});
