// The filter choices a dataset offers (capabilities, certifications, kinds, each with how many organizations
// a filter on it would show) and the text searches of the side panels: capabilities by NAICS code or title
// words, organizations by name (case- and accent-insensitive, word starts ranked before other matches).
import { compareText } from '../../analysis/compare-text.ts';
import { ORG_KINDS } from '../../domain/model.ts';
import type { Bundle, OrgKind } from '../../domain/model.ts';
import type { FilterIndex, OrgTable } from './filter.ts';

export interface CapabilityOption {
  id: string;
  label: string;
  /** Organizations that offer it or supply it on a supply link. */
  count: number;
}

export interface CertificationOption {
  name: string;
  count: number;
}

export interface KindOption {
  kind: OrgKind;
  count: number;
}

export interface FilterOptions {
  /** Most common first, then by id. */
  capabilities: CapabilityOption[];
  /** Most common first, then by name. */
  certifications: CertificationOption[];
  /** Every kind, in ORG_KINDS order, with 0 for kinds the dataset lacks. */
  kinds: KindOption[];
}

/** The filter choices of an index; from the organizations' table alone, the kinds only. */
export function filterOptions(
  index: OrgTable | FilterIndex,
  label: (capabilityId: string) => string,
): FilterOptions {
  const counted = (postings: FilterIndex['capabilities']) =>
    postings.keys.map((key, k) => ({ key, count: postings.start[k + 1]! - postings.start[k]! }));
  const byCount = (a: { key: string; count: number }, b: { key: string; count: number }) =>
    b.count - a.count || compareText(a.key, b.key);

  const kindCounts = new Int32Array(ORG_KINDS.length);
  for (let i = 0; i < index.orgCount; i++) kindCounts[index.kind[i]!]!++;

  const postings = 'capabilities' in index ? index : null;
  return {
    capabilities:
      postings === null
        ? []
        : counted(postings.capabilities)
            .sort(byCount)
            .map(({ key, count }) => ({ id: key, label: label(key), count })),
    certifications:
      postings === null
        ? []
        : counted(postings.certifications)
            .sort(byCount)
            .map(({ key, count }) => ({ name: key, count })),
    kinds: ORG_KINDS.map((kind, k) => ({ kind, count: kindCounts[k]! })),
  };
}

/** Lower case, accents and other combining marks removed, runs of white space made one space. */
export function normalizeText(text: string): string {
  // Most names are plain ASCII: skipping Unicode decomposition for them makes indexing 100k names several
  // times faster.
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '') : text;
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}

const NON_ASCII = /[^\x20-\x7e]/;

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

const optionWords = new WeakMap<CapabilityOption, string[]>();

/**
 * Capabilities whose id starts with the query (a NAICS code prefix such as "3327"), or whose title has a
 * word starting with each word of the query ("mach sho" finds "Machine Shops"). Id matches come first, then
 * title matches, each in the options' order; an empty query returns the first `limit` options.
 */
export function searchCapabilities(
  options: readonly CapabilityOption[],
  query: string,
  limit = 50,
): CapabilityOption[] {
  const q = normalizeText(query);
  if (q === '') return options.slice(0, limit);
  const queryWords = words(q);
  const byId: CapabilityOption[] = [];
  const byTitle: CapabilityOption[] = [];
  for (const option of options) {
    if (normalizeText(option.id).startsWith(q)) {
      byId.push(option);
      continue;
    }
    if (queryWords.length === 0) continue;
    let titleWords = optionWords.get(option);
    if (titleWords === undefined) {
      titleWords = words(normalizeText(option.label));
      optionWords.set(option, titleWords);
    }
    const all = titleWords;
    if (queryWords.every((qw) => all.some((w) => w.startsWith(qw)))) byTitle.push(option);
  }
  return [...byId, ...byTitle].slice(0, limit);
}

const normalizedNames = new WeakMap<Bundle, string[]>();

function namesOf(bundle: Bundle): string[] {
  let names = normalizedNames.get(bundle);
  if (names === undefined) {
    names = bundle.organizations.map((org) => normalizeText(org.name));
    normalizedNames.set(bundle, names);
  }
  return names;
}

/** How well a name matches: 0 starts with the query, 1 a word starts with it, 2 it occurs inside a word. */
function matchRank(name: string, q: string): number {
  let at = name.indexOf(q);
  if (at === -1) return -1;
  if (at === 0) return 0;
  while (at !== -1) {
    if (!/[\p{L}\p{N}]/u.test(name[at - 1] ?? '')) return 1;
    at = name.indexOf(q, at + 1);
  }
  return 2;
}

/**
 * Indices of the organizations whose name contains the query, best first: names starting with it, then
 * names with a word starting with it, then other matches; within a rank by name, then index. Keeps only the
 * best `limit` while scanning, so a one-letter query over 100k names does not sort them all.
 */
export function searchOrganizations(bundle: Bundle, query: string, limit = 12): number[] {
  const q = normalizeText(query);
  if (q === '' || limit <= 0) return [];
  const names = namesOf(bundle);
  const best: { rank: number; name: string; index: number }[] = [];
  const better = (a: (typeof best)[number], b: (typeof best)[number]) =>
    a.rank - b.rank || compareText(a.name, b.name) || a.index - b.index;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const rank = matchRank(name, q);
    if (rank === -1) continue;
    const hit = { rank, name, index: i };
    if (best.length === limit && better(hit, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && better(hit, best[at - 1]!) < 0) at--;
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best.map((hit) => hit.index);
}
