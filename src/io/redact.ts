// Copies of a bundle made for sharing (DESIGN.md, issue 21): every export and shared link of a redacted view is
// made from the copy this returns, never by hiding fields on screen, so a removed field cannot reach any output.
// - full: everything, as it is;
// - partner: firm names kept; each dollar value replaced by the lower bound of its band (VALUE_BANDS), so only
//   the band can be read back; UEI, CAGE, street address and website removed, and the sender's free-text
//   description of the dataset.
// Both profiles may carry a marking line, which every export prints and every view opened from it shows.
import type { Bundle, Link, Need, Organization, RedactionProfile, Sharing } from '../domain/model.ts';

/** Dollar bands of the partner profile: each band's lower bound and its label. */
export const VALUE_BANDS: readonly { from: number; label: string }[] = [
  { from: 0, label: 'under $1M' },
  { from: 1_000_000, label: '$1M–$10M' },
  { from: 10_000_000, label: '$10M–$100M' },
  { from: 100_000_000, label: 'over $100M' },
];

/** The band a dollar value falls in (negative values, such as de-obligations, count as the lowest band). */
export function valueBand(value: number): { from: number; label: string } {
  let band = VALUE_BANDS[0]!;
  for (const candidate of VALUE_BANDS) if (value >= candidate.from) band = candidate;
  return band;
}

const banded = (value: number | undefined): number | undefined =>
  value === undefined ? undefined : valueBand(value).from;

/** A marking line as it is kept: one line, trimmed, at most 200 characters; empty means none. */
export function cleanMarking(text: string): string | undefined {
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return line === '' ? undefined : line;
}

export interface RedactionOptions {
  profile: RedactionProfile;
  /** The sender's marking line (cleanMarking applies). */
  marking?: string | undefined;
}

/**
 * The copy of `bundle` for `options.profile`, saying so in `meta.sharing`. A bundle already redacted keeps its
 * stricter profile (a partner copy cannot be made full again) and its marking unless a new one is given.
 */
export function redactBundle(bundle: Bundle, options: RedactionOptions): Bundle {
  const before = bundle.meta.sharing;
  const profile: RedactionProfile = before?.profile === 'partner' ? 'partner' : options.profile;
  const marking = cleanMarking(options.marking ?? '') ?? before?.marking;
  const sharing: Sharing = marking === undefined ? { profile } : { profile, marking };
  if (profile === 'full') return { ...bundle, meta: { ...bundle.meta, sharing } };
  const { dod } = bundle.meta;
  return {
    ...bundle,
    meta: {
      ...bundle.meta,
      description: '',
      sharing,
      ...(dod === undefined
        ? {}
        : {
            dod: {
              ...dod,
              years: dod.years.map((year) => ({
                ...year,
                region: valueBand(year.region).from,
                state: valueBand(year.state).from,
              })),
            },
          }),
    },
    organizations: bundle.organizations.map(partnerOrganization),
    links: bundle.links.map(partnerLink),
  };
}

function partnerOrganization(org: Organization): Organization {
  const { uei: _uei, cage: _cage, address: _address, website: _website, ...kept } = org;
  return { ...kept, needs: org.needs.map(partnerNeed) };
}

function partnerNeed(need: Need): Need {
  return need.annualValue === undefined
    ? { capability: need.capability }
    : { capability: need.capability, annualValue: banded(need.annualValue)! };
}

function partnerLink(link: Link): Link {
  return link.value === undefined ? { ...link } : { ...link, value: banded(link.value)! };
}

/** What a view opened from a shared copy says about it, e.g. "Partner view: dollar values in bands · Internal". */
export function sharingNotice(sharing: Sharing | undefined): string | null {
  if (sharing === undefined) return null;
  const parts = [
    sharing.profile === 'partner'
      ? 'Partner view: dollar values are shown as the lower bound of their band (under $1M, $1M–$10M, $10M–$100M, over $100M); identifiers, contacts and notes removed'
      : null,
    sharing.marking ?? null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}
