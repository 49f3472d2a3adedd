import { describe, expect, it } from 'vitest';
import { chooseRegion, highlightGap, moveMap, selectOrganization, setRemoved } from './actions.ts';
import { DEFAULT_ROUTE, encodeRoute } from './route.ts';

describe('route actions', () => {
  it('select and deselect an organization without touching the rest', () => {
    const selected = selectOrganization({ ...DEFAULT_ROUTE, gap: '332811' }, 'f1');
    expect(selected).toMatchObject({ selected: 'f1', gap: '332811' });
    expect(selectOrganization(selected, undefined).selected).toBeUndefined();
  });

  it('choosing the dataset home region leaves it out of the link, and resets camera and gap', () => {
    const moved = highlightGap(moveMap(DEFAULT_ROUTE, { lat: 40, lon: -89, zoom: 7 }), '332811');
    const other = chooseRegion(moved, 'imcp-greater-peoria', 'imcp-chicago-metro-metal');
    expect(other).toMatchObject({ region: 'imcp-greater-peoria', map: undefined, gap: undefined });
    expect(encodeRoute(chooseRegion(other, 'imcp-chicago-metro-metal', 'imcp-chicago-metro-metal'))).toBe(
      '#/s:chicago/map',
    );
  });

  it('keeps each removal once', () => {
    expect(setRemoved(DEFAULT_ROUTE, ['a', 'b', 'a']).removed).toEqual(['a', 'b']);
  });
});
