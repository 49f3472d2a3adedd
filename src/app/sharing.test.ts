import { describe, expect, it } from 'vitest';
import { publicCase } from '../io/export/test-bundles.ts';
import { redactBundle } from '../io/redact.ts';
import { DEFAULT_ROUTE } from '../state/route.ts';
import type { Route } from '../state/route.ts';
import { isRedacting, sharedRoute } from './sharing.ts';

const route: Route = {
  ...DEFAULT_ROUTE,
  view: 'gaps',
  selected: 'org-quillfeather',
  gap: 'cryo-lapping',
  gapBuyer: 'org-quillfeather',
  removed: ['org-marrowbend'],
  focus: 2,
  filters: {
    ...DEFAULT_ROUTE.filters,
    capabilities: ['precision-machining', 'cryo-lapping'],
    certifications: ['AS9100'],
  },
};

describe('sharedRoute', () => {
  it("keeps nothing in a public link's view that names a firm or a capability the copy left out", () => {
    const copy = redactBundle(publicCase(), { profile: 'public' });
    const shared = sharedRoute(route, copy);
    expect(shared).toMatchObject({
      view: 'gaps',
      selected: undefined,
      gap: undefined,
      gapBuyer: undefined,
      removed: [],
      focus: 0,
    });
    expect(shared.filters.capabilities).toEqual(['precision-machining']);
    expect(shared.filters.certifications).toEqual([]);
    expect(sharedRoute({ ...route, gap: 'precision-machining' }, copy).gap).toBe('precision-machining');
  });

  it('keeps the view of a full or partner link as it is', () => {
    expect(sharedRoute(route, publicCase())).toBe(route);
    expect(sharedRoute(route, redactBundle(publicCase(), { profile: 'partner' }))).toBe(route);
  });

  it('knows when a choice makes a copy', () => {
    expect(isRedacting({ profile: 'full', marking: '  ' })).toBe(false);
    expect(isRedacting({ profile: 'full', marking: 'Internal' })).toBe(true);
    expect(isRedacting({ profile: 'public', marking: '' })).toBe(true);
  });
});
