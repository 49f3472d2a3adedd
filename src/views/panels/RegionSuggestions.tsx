// Offered when no home region is chosen (an imported dataset starts that way): the regions its organizations
// fall in, largest first, each a button that makes it the home region.
import { useMemo } from 'react';
import type { Organization } from '../../domain/model.ts';
import type { RegionOption } from '../contracts.ts';
import { formatCount } from '../derive/format.ts';
import { regionsByMembers } from '../derive/region-suggestions.ts';

export function RegionSuggestions({
  organizations,
  regions,
  onChoose,
}: {
  organizations: readonly Organization[];
  regions: readonly RegionOption[];
  onChoose: (regionId: string) => void;
}) {
  const suggestions = useMemo(() => regionsByMembers(organizations, regions), [organizations, regions]);
  return (
    <div className="region-suggestions" data-testid="region-suggestions">
      <p>
        <strong>No home region yet.</strong>{' '}
        {suggestions.length === 0
          ? 'None of the known regions holds a county of these organizations: pick one in Region above, or import county or ZIP columns.'
          : 'Its organizations fall in these regions; choose one to see its gaps:'}
      </p>
      {suggestions.length > 0 && (
        <ul>
          {suggestions.map(({ region, members }) => (
            <li key={region.id}>
              <button type="button" onClick={() => onChoose(region.id)} data-region={region.id}>
                {region.name}
              </button>{' '}
              <span className="muted">
                {formatCount(members)} organization{members === 1 ? '' : 's'} · {region.program}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
