// Copies of a bundle made for sharing (DESIGN.md, issue 21): every export and shared link of a redacted view is
// made from the copy this returns, never by hiding fields on screen, so a removed field cannot reach any output.
// - full: everything, as it is;
// - partner: firm names kept; each dollar value replaced by the lower bound of its band (VALUE_BANDS), so only
//   the band can be read back; UEI, CAGE, street address and website removed, and the sender's free-text
//   description of the dataset.
// - public: see io/public/redact-public.ts.
// Every profile may carry a marking line, which every export prints and every view opened from it shows.
import { SMALL_CELL } from '../domain/model.ts';
import type { Bundle, Link, Need, Organization, RedactionProfile, Sharing } from '../domain/model.ts';
import { publicBundle } from './public/redact-public.ts';
import type { PublicContext } from './public/redact-public.ts';
import { valueBand } from './value-bands.ts';

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
  /** For the public profile: where the organizations are and the sender's gap list (io/public). */
  publicContext?: PublicContext | undefined;
}

const STRICTNESS: Readonly<Record<RedactionProfile, number>> = { full: 0, partner: 1, public: 2 };

/** The stricter of two profiles: a copy is never shared as more than it holds. */
export const stricterProfile = (a: RedactionProfile, b: RedactionProfile): RedactionProfile =>
  STRICTNESS[a] >= STRICTNESS[b] ? a : b;

/** Without a context, a public copy knows each organization's county only from its record. */
const RECORD_COUNTIES: PublicContext = { countyOf: (org) => org.county ?? null };

/**
 * The copy of `bundle` for `options.profile`, saying so in `meta.sharing`. A bundle already redacted keeps its
 * stricter profile (a partner copy cannot be made full again) and its marking unless a new one is given.
 */
export function redactBundle(bundle: Bundle, options: RedactionOptions): Bundle {
  const before = bundle.meta.sharing;
  const profile = stricterProfile(options.profile, before?.profile ?? 'full');
  const marking = cleanMarking(options.marking ?? '') ?? before?.marking;
  const sharing: Sharing = marking === undefined ? { profile } : { profile, marking };
  if (profile === 'full') return { ...bundle, meta: { ...bundle.meta, sharing } };
  if (profile === 'public') {
    // A public copy stays as it is: only its marking can change.
    if (before?.profile === 'public')
      return { ...bundle, meta: { ...bundle.meta, sharing: { ...before, ...sharing } } };
    return publicBundle(bundle, sharing, options.publicContext ?? RECORD_COUNTIES);
  }
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
      : sharing.profile === 'public'
        ? publicNotice(sharing.public)
        : null,
    sharing.marking ?? null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(' · ');
}

function publicNotice(aggregates: Sharing['public']): string {
  const left = aggregates?.suppressed;
  const leftOut =
    left === undefined || left.organizations + left.unplaced + left.flows === 0
      ? ''
      : `; left out: ${[
          left.organizations > 0
            ? `${left.organizations} organizations of counties with fewer than ${SMALL_CELL} firms`
            : '',
          left.unplaced > 0 ? `${left.unplaced} without a county` : '',
          left.flows > 0 ? `${left.flows} flows of fewer than ${SMALL_CELL} firms` : '',
        ]
          .filter((part) => part !== '')
          .join(', ')}`;
  return `Public view: no firm is named; organizations are placed at their county, links are county-to-county flows, dollar values are the lower bound of their band, and counts under ${SMALL_CELL} are suppressed${leftOut}`;
}
