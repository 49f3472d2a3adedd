import { describe, expect, it } from 'vitest';
import { VIEWS } from '../state/route.ts';
import { firstHintText } from './FirstHint.tsx';

describe('firstHintText', () => {
  it('starts from a prime where there are primes, and never mentions one where there are none', () => {
    for (const view of VIEWS) {
      expect(firstHintText(view, false), view).not.toMatch(/prime/i);
      expect(firstHintText(view, false).length, view).toBeGreaterThan(40);
    }
    expect(firstHintText('map', true)).toContain('Pick a prime');
    expect(firstHintText('map', false)).toContain('Pick an organization');
  });
});
