// A bundle's links made from their columns when first read, not when the bundle is opened. Reopening a kept
// dataset of a million links on the map draws its first picture without making one link object (~0.2 s of
// the main thread and its garbage collection on a slow machine): nothing on the way to it reads a link, and
// what needs their number or their columns before then asks here (linkCount, linkColumnsOf).
import type { Link } from '../domain/model.ts';
import type { LinkColumns } from './link-split.ts';
import { knownLinkColumns, linkAt, rememberLinkColumns } from './link-split.ts';

interface Deferred {
  readonly columns: LinkColumns;
  /** The bundle's one links array, filled in columns' order. */
  readonly links: Link[];
}

/** Holders (bundles) whose links are not all made yet, with what makes them. */
const deferred = new WeakMap<object, Deferred>();

/**
 * Gives `holder.links` (an empty array) the links of `columns` when it is first read: the read makes them all
 * at once, or the rest of them after makeDeferredLinks made some. The array is the same one throughout, and
 * once it is full `links` is a plain property again. Its columns are remembered with it (knownLinkColumns).
 */
export function deferLinks(holder: { links: Link[] }, columns: LinkColumns): void {
  const { links } = holder;
  if (links.length !== 0) throw new Error('deferLinks: the links array must start empty');
  rememberLinkColumns(links, columns);
  const entry: Deferred = { columns, links };
  deferred.set(holder, entry);
  Object.defineProperty(holder, 'links', {
    configurable: true,
    enumerable: true,
    get: () => {
      make(holder, entry, columns.count);
      return links;
    },
    set: (value: Link[]) => {
      deferred.delete(holder);
      settle(holder, value);
    },
  });
  if (columns.count === 0) make(holder, entry, 0);
}

/** Makes up to `count` more of the holder's deferred links; true when none is left to make. */
export function makeDeferredLinks(holder: object, count: number): boolean {
  const entry = deferred.get(holder);
  if (entry === undefined) return true;
  return make(holder, entry, count);
}

function make(holder: object, { columns, links }: Deferred, count: number): boolean {
  const end = Math.min(columns.count, links.length + count);
  for (let i = links.length; i < end; i++) links.push(linkAt(columns, i));
  if (links.length < columns.count) return false;
  deferred.delete(holder);
  settle(holder, links);
  return true;
}

function settle(holder: object, links: Link[]): void {
  Object.defineProperty(holder, 'links', {
    configurable: true,
    enumerable: true,
    writable: true,
    value: links,
  });
}

/** How many links the bundle has, without making deferred ones. */
export function linkCount(bundle: { readonly links: readonly Link[] }): number {
  return deferred.get(bundle)?.columns.count ?? bundle.links.length;
}

/** The columns the bundle's links were or will be made from (to read, never to change), or undefined. */
export function linkColumnsOf(bundle: {
  readonly links: readonly Link[];
}): Readonly<LinkColumns> | undefined {
  return deferred.get(bundle)?.columns ?? knownLinkColumns(bundle.links);
}
