// The first-time hint: one line on what to do first in the view shown, until the user dismisses it (a
// device setting, so it stays dismissed in every view and after a reload).
import type { ViewName } from '../state/route.ts';
import { usePreference } from '../views/usePreference.ts';

const HINTS: Record<ViewName, string> = {
  map: 'Pick a prime (an orange dot, or a name in “Find an organization”) to see its suppliers; click a gap in the list on the right to see who buys it and from where.',
  network:
    'Pick a prime to see its suppliers, then turn on “Upstream tree of the selection” and the Tiers layout to read its supply tree tier by tier.',
  split:
    'Pick a prime on the map or in the network to see its suppliers in both; click a gap in the list on the right to light its buyers and suppliers.',
  gaps: 'Click a gap in a chart or in the list to see who could fill it; the single points of failure at the top are the suppliers some prime depends on alone.',
};

/** In a dataset without primes (a supplier list, a training network) the hint starts from any organization. */
const WITHOUT_PRIMES: Record<ViewName, string> = {
  map: 'Pick an organization (a dot, or a name in “Find an organization”) to see its suppliers and customers; choose a home region to see its gaps.',
  network:
    'Pick an organization to see its suppliers and customers; “Upstream tree of the selection” shows what it buys, tier by tier.',
  split: 'Pick an organization on the map or in the network to see its suppliers and customers in both.',
  gaps: 'Click a gap in a chart or in the list to see who could fill it; choose a home region first if none is shown.',
};

export function firstHintText(view: ViewName, hasPrimes: boolean): string {
  return (hasPrimes ? HINTS : WITHOUT_PRIMES)[view];
}

export function FirstHint({ view, hasPrimes }: { view: ViewName; hasPrimes: boolean }) {
  const [state, setState] = usePreference('firstHint');
  if (state === 'dismissed') return null;
  return (
    <div className="first-hint" role="note" data-testid="first-hint">
      <p>{firstHintText(view, hasPrimes)}</p>
      <button type="button" onClick={() => setState('dismissed')} data-testid="first-hint-dismiss">
        Got it
      </button>
    </div>
  );
}
