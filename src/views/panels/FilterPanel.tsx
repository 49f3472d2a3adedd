// The filter panel: kinds (with counts and map colours), capabilities (searchable by NAICS code or title,
// chosen ones as removable chips), certifications, a minimum link value, fiscal years (for dated links),
// "Clear filters", and how many organizations the filters leave on screen. Every change goes out through onChange as new Filters.
import { useId, useMemo, useState } from 'react';
import type { OrgKind } from '../../domain/model.ts';
import type { Filters } from '../../state/route.ts';
import { Chip } from '../../ui/Chip.tsx';
import { Combobox } from '../../ui/Combobox.tsx';
import type { DatasetView } from '../contracts.ts';
import { countVisible, createFilterIndex, orgTableOf, shownKinds } from '../derive/filter.ts';
import {
  addCapability,
  canHideKind,
  clearFilters,
  hasFilters,
  removeCapability,
  setMinValue,
  toggleCertification,
  toggleKind,
} from '../derive/filter-edits.ts';
import { formatCount, formatUsd, formatUsdFull, MIN_VALUE_PRESETS, parseMoney } from '../derive/format.ts';
import { filterOptions, searchCapabilities } from '../derive/options.ts';
import type { CapabilityOption } from '../derive/options.ts';
import { KIND_PLURALS } from '../labels.ts';
import { FiscalYearFilter } from './FiscalYearFilter.tsx';
import './panels.css';

/** Certifications listed before "Show all"; chosen ones are always listed. */
const CERTIFICATIONS_SHOWN = 8;

export interface FilterPanelProps {
  data: DatasetView;
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function FilterPanel({ data, filters, onChange }: FilterPanelProps) {
  // The workspace's index, or only its organizations' table while a big dataset's index is being built;
  // built here when the view was given none.
  const given = data.filterIndex;
  const index = useMemo(
    () => (given === undefined ? createFilterIndex(data.bundle) : (given ?? orgTableOf(data.bundle))),
    [given, data.bundle],
  );
  const indexing = given === null;
  const options = useMemo(() => filterOptions(index, data.label), [index, data.label]);
  const shown = useMemo(() => countVisible(data.visible), [data.visible]);
  const total = data.bundle.organizations.length;

  return (
    <section className="panel filter-panel" aria-labelledby="filter-panel-title" data-testid="filter-panel">
      <div className="panel-head">
        <h2 id="filter-panel-title">Filters</h2>
        <button
          type="button"
          className="panel-button"
          onClick={() => onChange(clearFilters())}
          disabled={!hasFilters(filters)}
          data-testid="clear-filters"
        >
          Clear filters
        </button>
      </div>
      <p className="filter-count" role="status" aria-live="polite" data-testid="filter-count">
        {formatCount(shown)} of {formatCount(total)} organizations shown
      </p>
      <KindFilter options={options.kinds} filters={filters} onChange={onChange} />
      <CapabilityFilter
        options={options.capabilities}
        indexing={indexing}
        label={data.label}
        filters={filters}
        onChange={onChange}
      />
      <CertificationFilter options={options.certifications} filters={filters} onChange={onChange} />
      <MinValueFilter filters={filters} onChange={onChange} />
      <FiscalYearFilter
        years={data.years ?? []}
        averaged={data.bundle.meta.linksByFiscalYear === true}
        filters={filters}
        onChange={onChange}
      />
    </section>
  );
}

/** What each part of the filter panel takes: its options with their counts, and the filters to edit. */
interface FilterPartProps<Option> {
  options: readonly Option[];
  filters: Filters;
  onChange: (filters: Filters) => void;
}

function KindFilter({
  options: kinds,
  filters,
  onChange,
}: FilterPartProps<{ kind: OrgKind; count: number }>) {
  const shown = shownKinds(filters);
  return (
    <fieldset className="filter-group" data-testid="kind-filter">
      <legend>Kind</legend>
      {kinds.map(({ kind, count }) => {
        const checked = shown.includes(kind);
        const locked = checked && !canHideKind(filters, kind);
        return (
          <label
            key={kind}
            className="check-row"
            title={locked ? 'At least one kind stays shown' : undefined}
          >
            <input
              type="checkbox"
              checked={checked}
              disabled={locked}
              onChange={() => onChange(toggleKind(filters, kind))}
              data-kind={kind}
            />
            <span className={`kind-dot kind-${kind}`} aria-hidden="true" />
            <span className="check-label">{KIND_PLURALS[kind]}</span>
            <span className="check-count">{formatCount(count)}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function CapabilityFilter({
  options,
  indexing,
  label,
  filters,
  onChange,
}: {
  options: readonly CapabilityOption[];
  /** The dataset's capabilities are still being indexed (a big dataset's first moments). */
  indexing: boolean;
  label: (id: string) => string;
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const [query, setQuery] = useState('');
  const available = useMemo(
    () => options.filter((option) => !filters.capabilities.includes(option.id)),
    [options, filters.capabilities],
  );
  const matches = useMemo(() => searchCapabilities(available, query, 50), [available, query]);
  return (
    <div className="filter-group" data-testid="capability-filter">
      <Combobox
        label="Capability"
        inputValue={query}
        onInputChange={setQuery}
        options={matches}
        optionKey={(option) => option.id}
        renderOption={(option) => (
          <span className="option-row">
            <span className="option-main">
              {option.label !== option.id && <span className="option-code">{option.id}</span>}
              <span className="option-label">{option.label}</span>
            </span>
            <span className="option-count" aria-label={`${option.count} organizations`}>
              {formatCount(option.count)}
            </span>
          </span>
        )}
        onPick={(option) => {
          onChange(addCapability(filters, option.id));
          setQuery('');
        }}
        keepOpenOnPick
        openOnFocus
        placeholder="NAICS code or title"
        hint="Type a NAICS code (3327…) or words of a title; Enter adds it."
        emptyText={
          indexing
            ? 'Still listing the capabilities of this dataset…'
            : 'No capability in this dataset matches.'
        }
        statusText={`${matches.length} capabilities listed`}
        testId="capability-search"
        listTestId="capability-options"
      />
      {filters.capabilities.length > 0 && (
        <ul className="chip-list" aria-label="Chosen capabilities">
          {filters.capabilities.map((id) => {
            const text = label(id);
            return (
              <li key={id}>
                <Chip
                  label={text}
                  detail={text === id ? undefined : id}
                  removeLabel={`Remove capability ${text}`}
                  onRemove={() => onChange(removeCapability(filters, id))}
                />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function CertificationFilter({
  options,
  filters,
  onChange,
}: FilterPartProps<{ name: string; count: number }>) {
  const [showAll, setShowAll] = useState(false);
  // Certifications named by the link but absent from the data are listed too, so they can be unchecked.
  const absent = filters.certifications.filter((name) => !options.some((o) => o.name === name));
  const all = [...options, ...absent.map((name) => ({ name, count: 0 }))];
  const listed = showAll
    ? all
    : all.filter((o, i) => i < CERTIFICATIONS_SHOWN || filters.certifications.includes(o.name));
  if (all.length === 0) return null;
  return (
    <fieldset className="filter-group" data-testid="certification-filter">
      <legend>Certification</legend>
      {listed.map(({ name, count }) => (
        <label key={name} className="check-row">
          <input
            type="checkbox"
            checked={filters.certifications.includes(name)}
            onChange={() => onChange(toggleCertification(filters, name))}
          />
          <span className="check-label">{name}</span>
          <span className="check-count">{formatCount(count)}</span>
        </label>
      ))}
      {all.length > listed.length && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>
          Show all {all.length} certifications
        </button>
      )}
    </fieldset>
  );
}

function MinValueFilter({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const helpId = useId();
  const [draft, setDraft] = useState(() => draftOf(filters.minValue));
  const [seen, setSeen] = useState(filters.minValue);
  // The value can change from outside (a preset, "Clear filters", the URL): follow it unless the draft
  // already says the same amount.
  if (seen !== filters.minValue) {
    setSeen(filters.minValue);
    if (parseMoney(draft) !== filters.minValue) setDraft(draftOf(filters.minValue));
  }
  const parsed = draft.trim() === '' ? 0 : parseMoney(draft);
  const invalid = parsed === null;
  return (
    <fieldset className="filter-group" data-testid="min-value-filter">
      <legend>Minimum link value</legend>
      <label className="min-value-input">
        <span className="visually-hidden">Minimum link value, USD per year</span>
        <input
          type="text"
          inputMode="decimal"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={helpId}
          placeholder="0"
          data-testid="min-value"
          onChange={(event) => {
            setDraft(event.target.value);
            const value = event.target.value.trim() === '' ? 0 : parseMoney(event.target.value);
            if (value !== null) onChange(setMinValue(filters, value));
          }}
        />
        <span className="unit" aria-hidden="true">
          USD/yr
        </span>
      </label>
      <p id={helpId} className={invalid ? 'field-help field-error' : 'field-help'}>
        {invalid
          ? 'Enter an amount such as 250000, 250k or 1.5M.'
          : filters.minValue > 0
            ? `Links under ${formatUsdFull(filters.minValue)} a year, or without a value, are hidden.`
            : 'All links are shown.'}
      </p>
      <div className="preset-row" role="group" aria-label="Minimum value presets">
        {MIN_VALUE_PRESETS.map((preset) => (
          <button
            key={preset.value}
            type="button"
            className="preset"
            aria-pressed={filters.minValue === preset.value}
            title={preset.value === 0 ? 'Show all links' : `At least ${formatUsd(preset.value)} a year`}
            onClick={() => onChange(setMinValue(filters, preset.value))}
          >
            {preset.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function draftOf(value: number): string {
  return value > 0 ? String(value) : '';
}
