// The network's controls: layout (geo, tier, force with its progress and stop), focus on the selection's
// upstream supply tree with its depth, critical-supplier highlight, size measure, and the two zooms.
import { useState } from 'react';
import { LAYOUTS, MAX_FOCUS } from '../../state/route.ts';
import type { Layout } from '../../state/route.ts';
import type { ForceControls } from './controllers/useForceLayout.ts';
import { describeProgress, FORCE_TIME_CAP_MS } from './layouts/force.ts';
import { SIZE_BY } from './render-graph.ts';
import { ToggleGroup } from '../../ui/ToggleGroup.tsx';
import type { SizeBy } from './render-graph.ts';

const LAYOUT_LABELS: Record<Layout, string> = {
  geo: 'Geographic',
  tier: 'Tiers',
  force: 'Force',
  file: 'From the file',
};
const LAYOUT_TITLES: Record<Layout, string> = {
  geo: 'Organizations at their map positions',
  tier: 'Primes on the left, then tier 1, tier 2 … suppliers; organizations reaching no prime last',
  force: 'ForceAtlas2: connected organizations pull together',
  file: 'The positions the imported GEXF or GraphML file gave its nodes',
};
const TOOLBAR_TOGGLES = { group: 'network-group', label: 'network-group-label', toggle: 'network-toggle' };
const SIZE_LABELS: Record<SizeBy, string> = { value: 'Supplied $', degree: 'Links' };
const HOPS = Array.from({ length: MAX_FOCUS }, (_, i) => i + 1);

export interface NetworkToolbarProps {
  layout: Layout;
  /** The dataset came with node positions (GEXF, GraphML): offer the file's own layout. */
  hasFileLayout?: boolean | undefined;
  onLayoutChange: (layout: Layout) => void;
  focusHops: number;
  onFocusChange: (hops: number) => void;
  canFocus: boolean;
  showCritical: boolean;
  onShowCriticalChange: (show: boolean) => void;
  criticalAvailable: boolean;
  sizeBy: SizeBy;
  onSizeBy: (sizeBy: SizeBy) => void;
  onZoomToFit: () => void;
  onZoomToSelection: () => void;
  canZoomToSelection: boolean;
  force: ForceControls | null;
}

export function NetworkToolbar(props: NetworkToolbarProps) {
  const { focusHops, force } = props;
  // The depth last chosen, kept while focus is off so that turning it back on restores it.
  const [hops, setHops] = useState(2);
  const depth = focusHops > 0 ? focusHops : hops;
  const progress = force?.progress ?? null;
  return (
    <div className="network-toolbar" role="toolbar" aria-label="Network controls">
      <ToggleGroup
        name="Layout"
        label="Layout"
        options={LAYOUTS.filter((layout) => layout !== 'file' || props.hasFileLayout)}
        optionLabels={LAYOUT_LABELS}
        optionTitles={LAYOUT_TITLES}
        value={props.layout}
        onChange={props.onLayoutChange}
        classNames={TOOLBAR_TOGGLES}
        optionTestId="network-layout-"
      />
      {force !== null && (
        <div className="network-group network-force" role="group" aria-label="Force layout">
          <progress
            max={FORCE_TIME_CAP_MS}
            value={progress?.elapsedMs ?? 0}
            aria-label="Force layout time used"
          />
          <span className="network-force-text" data-testid="network-force-progress" aria-live="polite">
            {progress === null
              ? 'Starting…'
              : `${describeProgress(progress)}${progress.running ? '' : progress.stoppedBy === 'user' ? ' · stopped' : ' · done'}`}
          </span>
          {progress?.running === true ? (
            <button
              type="button"
              className="ui-button network-button"
              onClick={force.stop}
              data-testid="network-force-stop"
            >
              Stop
            </button>
          ) : (
            <button type="button" className="ui-button network-button" onClick={force.restart}>
              Run again
            </button>
          )}
        </div>
      )}
      <div className="network-group" role="group" aria-label="Focus">
        <label className="network-check" title="Show only the selection's suppliers, their suppliers …">
          <input
            type="checkbox"
            checked={focusHops > 0}
            disabled={!props.canFocus && focusHops === 0}
            onChange={(event) => props.onFocusChange(event.target.checked ? depth : 0)}
            data-testid="network-focus"
          />
          Upstream tree of the selection
        </label>
        <label className="network-select">
          <span className="visually-hidden">Hops</span>
          <select
            value={depth}
            onChange={(event) => {
              const k = Number(event.target.value);
              setHops(k);
              if (focusHops > 0) props.onFocusChange(k);
            }}
            aria-label="Hops upstream"
          >
            {HOPS.map((k) => (
              <option key={k} value={k}>
                {k} {k === 1 ? 'hop' : 'hops'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="network-check" title="Articulation points and bridges of the supply network">
        <input
          type="checkbox"
          checked={props.showCritical}
          disabled={!props.criticalAvailable && !props.showCritical}
          onChange={(event) => props.onShowCriticalChange(event.target.checked)}
          data-testid="network-critical"
        />
        Highlight critical suppliers
      </label>
      <ToggleGroup
        name="Node size"
        label="Size"
        options={SIZE_BY}
        optionLabels={SIZE_LABELS}
        value={props.sizeBy}
        onChange={props.onSizeBy}
        classNames={TOOLBAR_TOGGLES}
      />
      <div className="network-group" role="group" aria-label="Zoom">
        <button type="button" className="ui-button network-button" onClick={props.onZoomToFit}>
          Zoom to fit
        </button>
        <button
          type="button"
          className="ui-button network-button"
          onClick={props.onZoomToSelection}
          disabled={!props.canZoomToSelection}
        >
          Zoom to selection
        </button>
      </div>
    </div>
  );
}
