// zod schemas of the bundle JSON format v1 (DESIGN.md §2). Records are validated one at a time by
// `loadBundle`, so one bad organization is reported and rejected without losing the rest.
import { z } from 'zod';
import type { Capability, Link, Organization, Region, BundleMeta } from '../domain/model.ts';
import { LINK_KINDS, ORG_KINDS, REDACTION_PROFILES, SMALL_CELL } from '../domain/model.ts';
import type { CapabilityId, CountyFips, OrgId, RegionId } from '../domain/ids.ts';
import { describeValue } from './describe-value.ts';

/** The message for a value of the wrong type, or for a required value that is absent. */
const typeError =
  (what: string, expected: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined
      ? `${what} is missing`
      : `${what} must be ${expected}, found ${describeValue(iss.input)}`;

const text = (what: string, max = 500) =>
  z
    .string({ error: typeError(what, 'text') })
    .max(max, { error: `${what} is longer than ${max} characters` });

const requiredText = (what: string, max = 500) =>
  text(what, max).refine((s) => s.trim() !== '', { error: `${what} is empty` });

const finite = (what: string) => z.number({ error: typeError(what, 'a number') });

const range = (what: string, min: number, max: number) =>
  finite(what).refine((n) => n >= min && n <= max, {
    error: (iss) => `${what} ${describeValue(iss.input)} is outside ${min}…${max}`,
  });

const pattern = (what: string, re: RegExp, shape: string) =>
  z
    .string({ error: typeError(what, 'text') })
    .refine((s) => re.test(s), { error: (iss) => `${what} ${describeValue(iss.input)} is not ${shape}` });

export const idSchema = requiredText('id', 200);
/**
 * A type-only brand: zod checks the string and TypeScript sees the branded id. A `.transform` would do the
 * same at run time, at a measurable cost per field on bundles with millions of links.
 */
function branded<T extends string>(schema: z.ZodType<string>): z.ZodType<T> {
  return schema as unknown as z.ZodType<T>;
}

export const orgIdSchema = branded<OrgId>(idSchema);
export const naicsSchema = pattern('NAICS code', /^\d{6}$/, 'a 6-digit NAICS code');
export const countySchema = branded<CountyFips>(pattern('county', /^\d{5}$/, 'a 5-digit county FIPS code'));
export const capabilityIdSchema = branded<CapabilityId>(
  pattern(
    'capability',
    /^(\d{6}|[a-z0-9][a-z0-9._-]{0,99})$/,
    'a 6-digit NAICS code or a lowercase id like "5-axis-machining"',
  ),
);
export const isoDateSchema = pattern('date', /^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD').refine(
  // Date.parse rolls 2014-02-30 over to March; a round trip catches dates that do not exist.
  (s) => {
    const time = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
  },
  { error: (iss) => `date ${describeValue(iss.input)} does not exist` },
);

const list = <T extends z.ZodType>(item: T, what: string, max = 1000) =>
  z
    .array(item, { error: typeError(what, 'a list') })
    .max(max, { error: `${what} has more than ${max} entries` })
    .default([]);

const countSchema = (what: string) =>
  range(what, 0, 1e9).refine(Number.isInteger, { error: `${what} is not a whole number` });

export const dodSchema = z.object({
  rule: text('rule', 2000),
  firms: countSchema('firms'),
  years: z
    .array(
      z.object({
        fiscalYear: range('fiscal year', 1900, 2200).refine(Number.isInteger, {
          error: 'fiscal year is not a whole number',
        }),
        region: range('region dollars', -1e15, 1e15),
        state: range('state dollars', -1e15, 1e15),
        firms: countSchema('firms'),
      }),
    )
    .max(200),
});

const dollars = (what: string) => range(what, -1e15, 1e15);
const smallCellCount = (what: string) => countSchema(what).nullable();

/** A public copy's aggregates (domain/model.ts PublicAggregates): what stands in for its links and analysis. */
const publicSchema = z.object({
  places: z
    .array(
      z.object({
        county: countySchema,
        name: requiredText('county name', 200),
        lon: range('longitude', -180, 180).optional(),
        lat: range('latitude', -90, 90).optional(),
      }),
    )
    .max(5000),
  flows: z
    .array(
      z.object({
        from: countySchema,
        to: countySchema,
        kind: z.enum(LINK_KINDS, {
          error: (iss) => `flow kind ${describeValue(iss.input)} is not one of ${LINK_KINDS.join(', ')}`,
        }),
        firms: countSchema('flow firms').refine((n) => n >= SMALL_CELL, {
          error: `a flow of fewer than ${SMALL_CELL} firms is not allowed in a public copy`,
        }),
        value: dollars('flow value').optional(),
      }),
    )
    .max(200_000),
  gaps: z
    .array(
      z.object({
        capability: capabilityIdSchema,
        label: requiredText('gap label', 300),
        flags: z.array(text('gap flag', 40)).max(10),
        demand: dollars('demand').nullable(),
        localValue: dollars('local value').nullable(),
        importedValue: dollars('imported value'),
        leakage: range('leakage', 0, 1).nullable(),
        localSuppliers: smallCellCount('local suppliers'),
        trainers: smallCellCount('trainers'),
      }),
    )
    .max(100_000)
    .optional(),
  region: branded<RegionId>(requiredText('region', 200)).optional(),
  suppressed: z.object({
    organizations: countSchema('suppressed organizations'),
    unplaced: countSchema('unplaced organizations'),
    flows: countSchema('suppressed flows'),
  }),
});

export const metaSchema = z.object({
  id: pattern(
    'dataset id',
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/,
    'a short id of letters, digits, ".", "_" or "-"',
  ),
  title: requiredText('title', 300),
  description: text('description', 10_000).default(''),
  source: requiredText('source', 2000),
  license: requiredText('license', 500),
  asOf: isoDateSchema,
  synthetic: z.boolean({ error: typeError('synthetic', 'true or false') }),
  homeRegion: branded<RegionId>(requiredText('home region', 200)).optional(),
  dod: dodSchema.optional(),
  linksByFiscalYear: z.boolean({ error: typeError('linksByFiscalYear', 'true or false') }).optional(),
  sharing: z
    .object({
      profile: z.enum(REDACTION_PROFILES, {
        error: (iss) =>
          `sharing profile ${describeValue(iss.input)} is not one of ${REDACTION_PROFILES.join(', ')}`,
      }),
      marking: text('marking', 200).optional(),
      public: publicSchema.optional(),
    })
    .refine((sharing) => (sharing.profile === 'public') === (sharing.public !== undefined), {
      error: 'a public copy must carry its county aggregates, and only a public copy may',
    })
    .optional(),
});

const orgKindSchema = z.enum(ORG_KINDS, {
  error: (iss) => `kind ${describeValue(iss.input)} is not one of ${ORG_KINDS.join(', ')}`,
});
const linkKindSchema = z.enum(LINK_KINDS, {
  error: (iss) => `kind ${describeValue(iss.input)} is not one of ${LINK_KINDS.join(', ')}`,
});

export const needSchema = z.object({
  capability: capabilityIdSchema,
  annualValue: range('annual value', 0, 1e13).optional(),
});

export const organizationSchema = z.object({
  id: orgIdSchema,
  name: requiredText('name'),
  kind: orgKindSchema,
  lat: range('latitude', -90, 90).optional(),
  lon: range('longitude', -180, 180).optional(),
  address: text('address').optional(),
  city: text('city', 200).optional(),
  state: pattern('state', /^[A-Z]{2}$/, 'a 2-letter state code like "IL"').optional(),
  zip: pattern('ZIP', /^\d{5}(-\d{4})?$/, 'a 5-digit ZIP or ZIP+4').optional(),
  county: countySchema.optional(),
  naics: list(naicsSchema, 'naics', 50),
  capabilities: list(capabilityIdSchema, 'capabilities', 200),
  certifications: list(requiredText('certification', 100), 'certifications', 100),
  employees: range('employees', 0, 10_000_000)
    .refine(Number.isInteger, { error: 'employees must be a whole number' })
    .optional(),
  uei: pattern('UEI', /^[A-Z0-9]{12}$/, 'a 12-character UEI').optional(),
  cage: pattern('CAGE code', /^[A-Z0-9]{5}$/, 'a 5-character CAGE code').optional(),
  website: text('website', 500).optional(),
  trains: list(capabilityIdSchema, 'trains', 200),
  needs: list(needSchema, 'needs', 500),
});

export const linkSchema = z.object({
  source: orgIdSchema,
  target: orgIdSchema,
  kind: linkKindSchema,
  capability: capabilityIdSchema.optional(),
  value: range('value', 0, 1e13).optional(),
  year: range('year', 1900, 2100)
    .refine(Number.isInteger, { error: 'year must be a whole number' })
    .optional(),
});

export const capabilitySchema = z.object({
  id: capabilityIdSchema,
  label: requiredText('label', 300),
  naics: naicsSchema.optional(),
});

export const regionSchema = z.object({
  id: branded<RegionId>(requiredText('region id', 200)),
  name: requiredText('region name', 300),
  program: requiredText('program', 200),
  counties: list(countySchema, 'counties', 4000),
  focus: text('focus', 1000).optional(),
  lead: text('lead', 500).optional(),
  designated: text('designated', 100).optional(),
  source: text('source', 2000).optional(),
});

// Compile-time checks that what the schemas produce is exactly the domain model.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [
  Same<z.output<typeof organizationSchema>, Organization>,
  Same<z.output<typeof linkSchema>, Link>,
  Same<z.output<typeof capabilitySchema>, Capability>,
  Same<z.output<typeof regionSchema>, Region>,
  Same<z.output<typeof metaSchema>, BundleMeta>,
] = [true, true, true, true, true];
void sameTypes;
