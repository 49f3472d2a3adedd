import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../domain/steps.ts';
import { OrgIndex } from './org-index.ts';

const orgs = (ids: string[]) => ids.map((id) => ({ id }));
/** The Map the index stands for, made the plain way. */
const plain = (ids: string[]) => new Map(ids.map((id, i) => [id, i]));

describe('OrgIndex', () => {
  it('answers as a Map of each id to its index, the last of a repeated id winning', () => {
    const ids = ['a', 'b', 'c', 'b'];
    const index = new OrgIndex(orgs(ids));
    expect(index.get('b')).toBe(3);
    expect(index.get('z')).toBeUndefined();
    expect(index.has('a')).toBe(true);
    expect(index.size).toBe(3);
    expect([...index]).toEqual([...plain(ids)]);
    expect([...index.keys()]).toEqual(['a', 'b', 'c']);
    expect([...index.values()]).toEqual([0, 3, 2]);
    const seen: [string, number][] = [];
    index.forEach((value, key, map) => {
      expect(map).toBe(index);
      seen.push([key, value]);
    });
    expect(seen).toEqual([...plain(ids).entries()]);
  });

  it('is built only when first asked, or in steps', () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `org-${i}`);
    const asked = new OrgIndex(orgs(ids));
    expect(asked.complete).toBe(false);
    expect(asked.get('org-39999')).toBe(39_999);
    expect(asked.complete).toBe(true);

    const stepped = new OrgIndex(orgs(ids));
    const steps = stepped.buildSteps();
    steps.next();
    // Part of it after one step; a lookup then builds the rest.
    expect(stepped.complete).toBe(false);
    expect(stepped.get('org-39999')).toBe(39_999);
    expect(stepped.complete).toBe(true);
    expect(steps.next().done).toBe(true);

    const whole = new OrgIndex(orgs(ids));
    runToEnd(whole.buildSteps());
    expect(whole.complete).toBe(true);
    expect([...whole]).toEqual([...plain(ids)]);
  });

  it('is complete at once with no organizations', () => {
    const index = new OrgIndex([]);
    expect(index.complete).toBe(true);
    expect(index.size).toBe(0);
  });
});
