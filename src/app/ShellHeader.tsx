// The app's header: the dataset's title and synthetic badge, the view tabs, and the controls (dataset and
// region pickers, Open data, Export, Share).
import type { ReactNode } from 'react';
import type { Bundle } from '../domain/model.ts';
import type { StoredDatasetInfo } from '../state/dataset-store.ts';
import { DEFAULT_ROUTE, DEFAULT_SAMPLE } from '../state/route.ts';
import type { Route, ViewName } from '../state/route.ts';
import { REFERENCE_REGIONS } from './reference-regions.ts';
import { RegionPicker } from './RegionPicker.tsx';
import { SAMPLES } from './samples.ts';
import type { DatasetState } from './useDataset.ts';
import type { SetRoute } from './useRouteActions.ts';

/** Views this version offers; links naming another one open the map with a notice. */
export const AVAILABLE_VIEWS: readonly { view: ViewName; label: string }[] = [
  { view: 'map', label: 'Map' },
  { view: 'network', label: 'Network' },
  { view: 'split', label: 'Split' },
  { view: 'gaps', label: 'Gaps' },
];

const TITLE_WHILE: Record<DatasetState['status'], string> = {
  failed: 'No dataset',
  missing: 'Data file needed',
  loading: 'Loading…',
  waiting: 'Opening the linked file…',
  ready: '',
};

export interface ShellHeaderProps {
  route: Route;
  setRoute: SetRoute;
  status: DatasetState['status'];
  bundle: Bundle | undefined;
  shownView: ViewName;
  onView: (view: ViewName) => void;
  regionId: string | undefined;
  onRegion: (id: string) => void;
  kept: readonly StoredDatasetInfo[];
  /** Open data, Export and Share, in that order. */
  children: ReactNode;
}

export function ShellHeader(props: ShellHeaderProps) {
  const { bundle, shownView } = props;
  return (
    <header className="shell-header">
      <span className="brand">Forgemap</span>
      <div className="dataset">
        <h1 className="dataset-title" data-testid="dataset-title">
          {bundle?.meta.title ?? TITLE_WHILE[props.status]}
        </h1>
        {bundle?.meta.synthetic === true && (
          <span
            className="badge badge-synthetic"
            data-testid="synthetic-badge"
            title="Fictional firms and relationships, generated for demonstration. Regions and places are real."
          >
            Synthetic sample data
          </span>
        )}
      </div>
      <nav className="view-tabs" aria-label="Views">
        {AVAILABLE_VIEWS.map(({ view, label }) => (
          <button
            key={view}
            type="button"
            aria-pressed={shownView === view}
            onClick={() => props.onView(view)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="shell-controls">
        <DatasetPicker route={props.route} setRoute={props.setRoute} kept={props.kept} />
        <RegionPicker
          value={props.regionId}
          datasetRegions={bundle?.regions ?? []}
          referenceRegions={REFERENCE_REGIONS}
          onChange={props.onRegion}
        />
        {props.children}
      </div>
    </header>
  );
}

/** `sample:<id>`, `hash:<hash>` or `embedded:`, the picker's option values. */
function datasetValue(route: Route): string {
  return `${route.dataset.kind}:${route.dataset.kind === 'embedded' ? '' : route.dataset.id}`;
}

/** The route that opens a picked dataset (a sample, or one kept here), in the view shown now. */
export function routeForDataset(
  value: string,
  route: Route,
  kept: readonly StoredDatasetInfo[],
): Route | null {
  const at = value.indexOf(':');
  const kind = value.slice(0, at);
  const id = value.slice(at + 1);
  if (kind === 'sample')
    return { ...DEFAULT_ROUTE, dataset: { kind: 'sample', id: id || DEFAULT_SAMPLE }, view: route.view };
  if (kind === 'hash') {
    const info = kept.find((k) => k.hash === id);
    return {
      ...DEFAULT_ROUTE,
      dataset: { kind: 'hash', id },
      file: info === undefined ? undefined : { name: info.title, bytes: info.bytes },
      view: route.view,
    };
  }
  return null;
}

function DatasetPicker({
  route,
  setRoute,
  kept,
}: {
  route: Route;
  setRoute: SetRoute;
  kept: readonly StoredDatasetInfo[];
}) {
  const value = datasetValue(route);
  const isKept = route.dataset.kind === 'hash' && kept.some((k) => k.hash === route.dataset.id);
  return (
    <label className="control">
      <span>Dataset</span>
      <select
        value={value}
        data-testid="dataset-picker"
        onChange={(event) => {
          const next = routeForDataset(event.target.value, route, kept);
          if (next !== null) setRoute(next, { push: true });
        }}
      >
        {route.dataset.kind === 'embedded' && <option value="embedded:">Dataset in the link</option>}
        {route.dataset.kind === 'hash' && !isKept && (
          <option value={value}>{route.file?.name ?? 'Imported dataset'} (not on this device)</option>
        )}
        <optgroup label="Samples (synthetic)">
          {SAMPLES.map((sample) => (
            <option key={sample.id} value={`sample:${sample.id}`}>
              {sample.label}
            </option>
          ))}
        </optgroup>
        {kept.length > 0 && (
          <optgroup label="On this device">
            {kept.map((k) => (
              <option key={k.hash} value={`hash:${k.hash}`}>
                {k.title} ({k.organizations.toLocaleString('en-US')} organizations)
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
