// Splits an import outcome (or any bundle) into messages of bounded cost (the organizations in parts, the links as columns,
// then the rest) and puts them back together on the other side. Pure; the worker and the client share it.
import type { Bundle, Link, Organization } from '../domain/model.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';
import type { LinkColumns } from '../io/link-split.ts';
import {
  columnBuffers,
  columnYears,
  copyOfLinkColumns,
  encodeLinks,
  knownLinkColumns,
  linkAt,
  rememberLinkColumns,
} from '../io/link-split.ts';
import { deferLinks, makeDeferredLinks } from '../io/deferred-links.ts';
import { eachSliced, runSliced } from './sliced.ts';
import { rememberYears } from '../domain/fiscal-years.ts';

/**
 * Organizations per message: a part is serialized on one side and deserialized on the other in one task
 * each (measured in Chromium on a 2-core machine: about 35–60 ms for this many).
 */
export const ORGANIZATIONS_PER_PART = 1_250;
/** Links encoded into columns per main-thread task (the analysis client's side). */
export const LINKS_PER_SLICE = 50_000;

/** One part of a run's outcome, sent as an event of the import worker's `run` ahead of its answer. */
export type ImportPart =
  | { type: 'part'; id: number; key: 'organizations'; items: unknown[] }
  | { type: 'links'; id: number; columns: LinkColumns };
type Part = ImportPart;
/** The outcome without its records (the parts carry them). */
export interface ResultMessage {
  type: 'result';
  id: number;
  outcome: ImportOutcome;
}

/** The messages that carry a bundle's records: organizations in parts, links as columns; then the bundle without them. */
export function splitBundle(id: number, bundle: Bundle): { parts: Part[]; light: Bundle } {
  const parts: Part[] = [];
  for (let i = 0; i < bundle.organizations.length; i += ORGANIZATIONS_PER_PART)
    parts.push({
      type: 'part',
      id,
      key: 'organizations',
      items: bundle.organizations.slice(i, i + ORGANIZATIONS_PER_PART),
    });
  if (bundle.links.length > 0) {
    // The links keep their columns here (their kept form, made next, writes them without encoding again,
    // ~0.7 s for a million) and a copy moves.
    if (knownLinkColumns(bundle.links) === undefined)
      rememberLinkColumns(bundle.links, encodeLinks(bundle.links));
    parts.push({ type: 'links', id, columns: copyOfLinkColumns(bundle.links)! });
  }
  return { parts, light: { ...bundle, organizations: [], links: [] } };
}

/** The messages that carry `outcome`: parts first, then the result with empty arrays in their place. */
export function splitOutcome(id: number, outcome: ImportOutcome): { parts: Part[]; result: ResultMessage } {
  if (outcome.value === null) return { parts: [], result: { type: 'result', id, outcome } };
  const { parts, light } = splitBundle(id, outcome.value.bundle);
  const lightOutcome: ImportOutcome = { ...outcome, value: { ...outcome.value, bundle: light } };
  return { parts, result: { type: 'result', id, outcome: lightOutcome } };
}

/** What a part's message can move rather than copy. */
export function transferOf(part: Part): ArrayBuffer[] {
  return part.type === 'links' ? columnBuffers(part.columns) : [];
}

/** Collects the parts of one run and rebuilds the outcome when its result arrives. */
export class OutcomeAssembler {
  private organizations: unknown[][] = [];
  private columns: LinkColumns | null = null;

  add(part: Part): void {
    if (part.type === 'part') this.organizations.push(part.items);
    else this.columns = part.columns;
  }

  /** The whole outcome: the parts are the worker's own bundle records, in order. */
  async finish(result: ResultMessage): Promise<ImportOutcome> {
    const { outcome } = result;
    if (outcome.value === null) return outcome;
    const bundle = await this.bundle(outcome.value.bundle);
    return { ...outcome, value: { ...outcome.value, bundle } };
  }

  /** The whole bundle, from the one sent without its records and the parts that carried them. */
  bundle(light: Bundle): Promise<Bundle> {
    return assembleBundle(light, this.organizations.flat() as Organization[], this.columns);
  }
}

/**
 * Puts the organizations' own id strings in place of their equal copies in a link string table (see
 * decodeLinks). A table written by this app opens with the organizations' ids in their order
 * (LinkColumnsJoin): then each is compared with its organization's, without a map of 100k ids; any other
 * table (or one that differs) is looked up in one.
 */
export async function takeOwnIds(strings: string[], organizations: readonly { id: string }[]): Promise<void> {
  const count = organizations.length;
  let ordered = strings.length >= count;
  if (ordered) {
    await eachSliced(count, (i) => {
      const id = organizations[i]!.id;
      if (strings[i] === id) strings[i] = id;
      else ordered = false;
    });
    // The table holds each string once: with the ids first, none of the rest is an id.
    if (ordered) return;
  }
  const ownIds = new Map<string, string>();
  await eachSliced(count, (i) => {
    const id = organizations[i]!.id;
    ownIds.set(id, id);
  });
  await eachSliced(strings.length, (i) => {
    strings[i] = ownIds.get(strings[i]!) ?? strings[i]!;
  });
}

/**
 * A bundle from its records sent apart (the organizations, the links as columns), on a thread that must not
 * block. Links take the organizations' own id strings (as decodeLinks does), built in slices of about 30 ms
 * (eachSliced): a fixed count per task took 100-270 ms on a slow machine, garbage collection included. The
 * columns are remembered with the links (rememberLinkColumns), so that sending them on costs no encoding.
 * With `deferred`, the links are made when first read instead (deferLinks; makeLinksSliced makes them
 * without a long task).
 */
export async function assembleBundle(
  light: Bundle,
  organizations: Organization[],
  columns: LinkColumns | null,
  { deferred = false }: { deferred?: boolean } = {},
): Promise<Bundle> {
  const links: Link[] = [];
  if (columns !== null) await takeOwnIds(columns.strings, organizations);
  if (columns !== null && !deferred) {
    await eachSliced(columns.count, (i) => {
      links.push(linkAt(columns, i));
    });
    rememberLinkColumns(links, columns);
  }
  const bundle = { ...light, organizations, links };
  if (columns !== null && deferred) deferLinks(bundle, columns);
  // Their years from the year column: the views ask for them at once, and a million links are slow to read.
  if (columns !== null) rememberYears(bundle, columnYears(columns));
  return bundle;
}

/** Makes a bundle's deferred links (deferLinks) in slices of about `sliceMs`; at once if it has none left. */
export function makeLinksSliced(bundle: Bundle, sliceMs = 30): Promise<void> {
  function* steps(): Generator<void, void, void> {
    while (!makeDeferredLinks(bundle, 4096)) yield;
  }
  return runSliced(steps(), sliceMs);
}
