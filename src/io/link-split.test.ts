import { describe, expect, it } from 'vitest';
import type { Link } from '../domain/model.ts';
import {
  columnBuffers,
  copyOfLinkColumns,
  decodeLinks,
  encodeLinks,
  linkColumnsBuilder,
  ownIdsOf,
  rememberLinkColumns,
} from './link-split.ts';

const links = [
  { source: 'a', target: 'b', kind: 'supplies', capability: '332710', value: 1.25, year: 2020 },
  { source: 'b', target: 'a', kind: 'trains' },
  { source: 'c', target: 'a', kind: 'partners', value: 0 },
  { source: 'a', target: 'a', kind: 'subcontract', capability: '5-axis-machining', year: 1900 },
  { source: 'c\u2028"x"', target: 'b', kind: 'supplies', value: 1e13, year: 2100 },
  // Every combination of the optional fields (capability, value, year) occurs.
  { source: 'b', target: 'c', kind: 'supplies', capability: '332710', value: -3 },
  { source: 'b', target: 'c', kind: 'supplies', capability: '332811' },
  { source: 'c', target: 'b', kind: 'partners', year: 2001 },
] as Link[];

describe('link columns', () => {
  it('encode, move through a structured clone and decode to the same links, key order included', () => {
    const columns = encodeLinks(links);
    expect(columns.strings).toHaveLength(7);
    const moved = structuredClone(columns, { transfer: columnBuffers(columns) });
    // Moved, not copied: the sender's arrays are detached.
    expect(columns.source.length).toBe(0);
    const decoded = decodeLinks(moved, ownIdsOf([{ id: 'a' }, { id: 'b' }]));
    expect(decoded).toEqual(links);
    expect(decoded.map((l) => Object.keys(l))).toEqual(links.map((l) => Object.keys(l)));
  });

  it('built a slice at a time equals encoded at once', () => {
    const builder = linkColumnsBuilder(links);
    builder.add(0, 2);
    builder.add(2, links.length);
    expect(builder.columns).toEqual(encodeLinks(links));
  });
});

describe('remembered link columns', () => {
  const links: Link[] = [
    { source: 'a', target: 'b', kind: 'supplies', capability: 'c', value: 5, year: 2024 },
    { source: 'b', target: 'a', kind: 'partners' },
  ] as Link[];

  it('copies the columns links were decoded from, as separate buffers that can be moved', () => {
    const columns = encodeLinks(links);
    const decoded = decodeLinks(columns);
    rememberLinkColumns(decoded, columns);
    const copy = copyOfLinkColumns(decoded)!;
    expect(decodeLinks(copy)).toEqual(links);
    for (const [i, buffer] of columnBuffers(copy).entries())
      expect(buffer).not.toBe(columnBuffers(columns)[i]);
    // Moving the copy away leaves the remembered columns whole for the next copy.
    structuredClone(copy, { transfer: columnBuffers(copy) });
    expect(decodeLinks(copyOfLinkColumns(decoded)!)).toEqual(links);
  });

  it('knows nothing of other link arrays, nor of one whose length changed', () => {
    const columns = encodeLinks(links);
    const decoded = decodeLinks(columns);
    rememberLinkColumns(decoded, columns);
    expect(copyOfLinkColumns([...decoded])).toBeNull();
    decoded.pop();
    expect(copyOfLinkColumns(decoded)).toBeNull();
  });
});
