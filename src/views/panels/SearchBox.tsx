// Search organizations by name: a combobox whose options show each match's kind colour, name and place;
// picking one (Enter or click) selects it on the map and in the inspector.
import { useMemo, useState } from 'react';
import { Combobox } from '../../ui/Combobox.tsx';
import type { DatasetView } from '../contracts.ts';
import { searchOrganizations } from '../derive/options.ts';
import { KIND_LABELS } from '../labels.ts';
import './panels.css';

/** Results listed at most; the best matches come first. */
export const SEARCH_LIMIT = 12;

export interface SearchBoxProps {
  data: DatasetView;
  onSelect: (orgId: string) => void;
}

export function SearchBox({ data, onSelect }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const orgs = data.bundle.organizations;
  const results = useMemo(() => searchOrganizations(data.bundle, query, SEARCH_LIMIT), [data.bundle, query]);
  return (
    <div className="panel search-panel" role="search" aria-label="Organizations">
      <Combobox
        label="Find an organization"
        inputValue={query}
        onInputChange={setQuery}
        options={results}
        optionKey={(i) => orgs[i]?.id ?? String(i)}
        renderOption={(i) => {
          const org = orgs[i];
          if (org === undefined) return null;
          const place = [org.city, org.state].filter((p) => p !== undefined && p !== '').join(', ');
          return (
            <span className="org-option">
              <span
                className={`kind-dot kind-${org.kind}`}
                title={KIND_LABELS[org.kind]}
                aria-hidden="true"
              />
              <span className="org-option-name">{org.name}</span>
              {place !== '' && <span className="org-option-place">{place}</span>}
              <span className="visually-hidden">, {KIND_LABELS[org.kind]}</span>
            </span>
          );
        }}
        onPick={(i) => {
          const org = orgs[i];
          if (org === undefined) return;
          setQuery('');
          onSelect(org.id);
        }}
        placeholder="Name of a firm, school or agency"
        emptyText="No organization has that in its name."
        statusText={
          results.length === SEARCH_LIMIT
            ? `Best ${SEARCH_LIMIT} matches listed`
            : `${results.length} ${results.length === 1 ? 'match' : 'matches'}`
        }
        testId="org-search"
        listTestId="org-search-results"
      />
    </div>
  );
}
