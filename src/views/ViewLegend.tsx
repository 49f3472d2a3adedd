// The legend panel the map and the network share: a disclosure whose open or collapsed state is one device
// setting for both views, so that collapsing it once keeps it out of the way everywhere.
import type { ReactNode } from 'react';
import { usePreference } from './usePreference.ts';
import './legend.css';

export function ViewLegend({
  className,
  testId,
  children,
}: {
  className: string;
  testId: string;
  children: ReactNode;
}) {
  const [state, setState] = usePreference('legend');
  return (
    <details
      className={`view-legend ${className}`}
      open={state === 'open'}
      onToggle={(event) => setState(event.currentTarget.open ? 'open' : 'collapsed')}
      data-testid={testId}
    >
      <summary>Legend</summary>
      {children}
    </details>
  );
}
