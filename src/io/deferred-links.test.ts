import { describe, expect, it } from 'vitest';
import { testBundle } from '../analysis/test-bundle.ts';
import type { Bundle, Link } from '../domain/model.ts';
import { deferLinks, linkColumnsOf, linkCount, makeDeferredLinks } from './deferred-links.ts';
import { decodeLinks, encodeLinks, knownLinkColumns } from './link-split.ts';

const source = testBundle(
  [{ id: 'a' }, { id: 'b' }, { id: 'c', kind: 'prime' }],
  [
    ['a', 'c', '332710', 100],
    ['b', 'c', undefined, 5],
    ['a', 'b', '336411', undefined],
    ['b', 'a', '332811', 7],
    ['c', 'a', undefined, undefined],
  ],
);
source.links[0]!.year = 2024;
source.links[3]!.year = 2019;
const columns = () => encodeLinks(source.links);

/** A bundle whose links are deferred, as a reopened kept dataset's are. */
function deferred(): Bundle {
  const bundle: Bundle = { ...source, links: [] };
  deferLinks(bundle, columns());
  return bundle;
}

/** Whether `links` is still made on reading (an accessor), not a plain property. */
const stillDeferred = (bundle: Bundle) => Object.getOwnPropertyDescriptor(bundle, 'links')?.get !== undefined;

describe('deferLinks', () => {
  it('tells the count and the columns without making a link', () => {
    const bundle = deferred();
    expect(linkCount(bundle)).toBe(5);
    expect(linkColumnsOf(bundle)).toEqual(columns());
    expect(stillDeferred(bundle)).toBe(true);
  });

  it('makes on first read the links decoding the columns makes, in one array that stays the same', () => {
    const bundle = deferred();
    const links = bundle.links;
    expect(links).toStrictEqual(decodeLinks(columns()));
    expect(links).toEqual(source.links);
    expect(bundle.links).toBe(links);
    // Then a plain property again, its columns known with the array.
    expect(stillDeferred(bundle)).toBe(false);
    expect(Object.getOwnPropertyDescriptor(bundle, 'links')?.value).toBe(links);
    expect(knownLinkColumns(links)).toEqual(columns());
    expect(linkCount(bundle)).toBe(5);
  });

  it('makes them a few at a time, and a read meanwhile makes the rest', () => {
    const bundle = deferred();
    expect(makeDeferredLinks(bundle, 2)).toBe(false);
    expect(makeDeferredLinks(bundle, 2)).toBe(false);
    expect(stillDeferred(bundle)).toBe(true);
    expect(bundle.links).toEqual(source.links);
    expect(makeDeferredLinks(bundle, 2)).toBe(true);
    expect(bundle.links).toHaveLength(5);
  });

  it('settles the property once the last slice is made', () => {
    const bundle = deferred();
    expect(makeDeferredLinks(bundle, 3)).toBe(false);
    expect(makeDeferredLinks(bundle, 3)).toBe(true);
    expect(stillDeferred(bundle)).toBe(false);
    expect(bundle.links).toEqual(source.links);
  });

  it('keeps the bundle the same to JSON, to a copy and to a structured clone, key order included', () => {
    const eager: Bundle = { ...source, links: decodeLinks(columns()) };
    expect(JSON.stringify(deferred())).toBe(JSON.stringify(eager));
    expect({ ...deferred() }).toStrictEqual(eager);
    expect(structuredClone(deferred())).toStrictEqual(eager);
    expect(Object.keys(deferred())).toEqual(Object.keys(eager));
  });

  it('takes an assignment as a plain property', () => {
    const bundle = deferred();
    const other: Link[] = [];
    bundle.links = other;
    expect(bundle.links).toBe(other);
    expect(linkCount(bundle)).toBe(0);
    expect(stillDeferred(bundle)).toBe(false);
  });

  it('settles at once with no links, and refuses an array that already holds some', () => {
    const empty: Bundle = { ...source, links: [] };
    deferLinks(empty, encodeLinks([]));
    expect(stillDeferred(empty)).toBe(false);
    expect(empty.links).toEqual([]);
    expect(() => deferLinks({ ...source }, columns())).toThrow(/must start empty/);
  });

  it('answers for a bundle that was never deferred from its links', () => {
    expect(linkCount(source)).toBe(5);
    expect(linkColumnsOf(source)).toBeUndefined();
    expect(makeDeferredLinks(source, 1)).toBe(true);
  });
});
