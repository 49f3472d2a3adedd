// The map's legend and its few controls: organization kinds with their colors and counts, point size
// measure, the other-regions toggle, the county shading classes, and the link, gap and chokepoint symbols in
// use.
import { ViewLegend } from '../ViewLegend.tsx';
import { format } from 'd3-format';
import type { OrgKind } from '../../domain/model.ts';
import type { Shading } from '../../state/route.ts';
import type { ShadeClass } from './shading.ts';
import type { SizeBy } from './sources.ts';
import type { MapResolution } from './render-scale.ts';
import { SIZE_BY } from './sources.ts';
import { ToggleGroup } from '../../ui/ToggleGroup.tsx';
import { ARC_IN, ARC_OUT, GAP_ROLE_COLORS, KIND_COLORS, RISK_COLORS } from './style.ts';
import { KIND_LABELS } from '../labels.ts';

const LEGEND_TOGGLES = { group: 'map-legend-row', label: 'map-legend-label', toggle: 'map-legend-toggle' };
const RESOLUTIONS = ['fast', 'sharp'] as const;
const SIZE_LABELS: Record<SizeBy, string> = { none: 'Same', employees: 'Employees', value: 'Supplied $' };
const SHADING_TITLES: Record<Exclude<Shading, 'none'>, string> = {
  orgs: 'Organizations per county',
  supplied: 'Value supplied from the county ($/yr)',
  imported: 'Value bought from outside the region ($/yr)',
};

const dollars = format('$.3~s');
const count = format(',d');

export interface MapLegendProps {
  kindCounts: Readonly<Record<OrgKind, number>>;
  sizeBy: SizeBy;
  onSizeBy: (sizeBy: SizeBy) => void;
  showRegions: boolean;
  onShowRegions: (show: boolean) => void;
  regionCount: number;
  shading: Shading;
  shadeClasses: readonly ShadeClass[] | null;
  showArcs: boolean;
  gap: { label: string; buyers: number; suppliers: number } | null;
  /** A selected chokepoint's reach drawn: how many points. */
  riskShown?: number | undefined;
  onClearGap: () => void;
  /** The drawing resolution, offered only where WebGL runs without a GPU (null elsewhere). */
  resolution: MapResolution | null;
  onResolution: (resolution: MapResolution) => void;
}

const RESOLUTION_LABELS: Record<MapResolution, string> = { fast: 'Fast', sharp: 'Sharp' };

export function MapLegend(props: MapLegendProps) {
  const { shading, shadeClasses } = props;
  const formatValue =
    shading === 'orgs' ? (v: number) => count(Math.round(v)) : (v: number) => dollars(v).replace('G', 'B');
  return (
    <ViewLegend className="map-legend" testId="map-legend">
      <ul className="map-legend-kinds">
        {(Object.keys(KIND_COLORS) as OrgKind[]).map((kind) => (
          <li key={kind}>
            <span className="map-legend-dot" style={{ background: KIND_COLORS[kind] }} aria-hidden="true" />
            {KIND_LABELS[kind]}
            <span className="map-legend-count">{count(props.kindCounts[kind])}</span>
          </li>
        ))}
        <li>
          <span className="map-legend-cluster" aria-hidden="true">
            n
          </span>
          Cluster of n manufacturers (click to expand); a purple ring: support organizations among them.
          Primes and training providers are never clustered
        </li>
      </ul>
      <ToggleGroup
        name="Point size"
        label="Size"
        options={SIZE_BY}
        optionLabels={SIZE_LABELS}
        value={props.sizeBy}
        onChange={props.onSizeBy}
        classNames={LEGEND_TOGGLES}
      />
      <label className="map-legend-row map-legend-check">
        <input
          type="checkbox"
          checked={props.showRegions}
          onChange={(event) => props.onShowRegions(event.target.checked)}
          data-testid="map-regions-toggle"
        />
        Other IMCP / DMCSP regions ({props.regionCount})
      </label>
      {props.resolution !== null && (
        <ToggleGroup
          name="Drawing (no GPU: sharp is slower)"
          label="Drawing"
          labelTitle="WebGL runs without a GPU here: sharp drawing is slower"
          options={RESOLUTIONS}
          optionLabels={RESOLUTION_LABELS}
          value={props.resolution}
          onChange={props.onResolution}
          classNames={LEGEND_TOGGLES}
          testId="map-resolution"
        />
      )}
      {shading !== 'none' && shadeClasses !== null && (
        <div className="map-legend-shading" data-testid="map-shading-legend">
          <span className="map-legend-label">{SHADING_TITLES[shading]}</span>
          <ul>
            {shadeClasses.map((c) => (
              <li key={c.color}>
                <span className="map-legend-swatch" style={{ background: c.color }} aria-hidden="true" />
                {formatValue(c.from)} – {formatValue(c.to)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(props.showArcs || props.gap !== null) && (
        <ul className="map-legend-links">
          <li>
            <span className="map-legend-line" style={{ borderColor: ARC_IN }} aria-hidden="true" />
            Bought from (supplier → buyer)
          </li>
          {props.showArcs && (
            <li>
              <span className="map-legend-line" style={{ borderColor: ARC_OUT }} aria-hidden="true" />
              Sold to
            </li>
          )}
          <li>
            <span className="map-legend-line map-legend-dashed" aria-hidden="true" />
            Crosses the region boundary
          </li>
          <li>Thicker = more value per year</li>
        </ul>
      )}
      {(props.riskShown ?? 0) > 0 && (
        <div className="map-legend-gap" data-testid="map-risk-legend">
          <span className="map-legend-label">If the selection closes</span>
          <ul>
            <li>
              <span
                className="map-legend-ring"
                style={{ borderColor: RISK_COLORS.exposed }}
                aria-hidden="true"
              />
              Primes that depend on it alone
            </li>
            <li>
              <span
                className="map-legend-ring"
                style={{ borderColor: RISK_COLORS['cut-off'] }}
                aria-hidden="true"
              />
              Cut off from them with it
            </li>
          </ul>
        </div>
      )}
      {props.gap !== null && (
        <div className="map-legend-gap" data-testid="map-gap-legend">
          <span className="map-legend-label">Gap: {props.gap.label}</span>
          <ul>
            <li>
              <span
                className="map-legend-ring"
                style={{ borderColor: GAP_ROLE_COLORS.buyer }}
                aria-hidden="true"
              />
              Buyers in the region ({count(props.gap.buyers)})
            </li>
            <li>
              <span
                className="map-legend-ring"
                style={{ borderColor: GAP_ROLE_COLORS.supplier }}
                aria-hidden="true"
              />
              Their suppliers ({count(props.gap.suppliers)})
            </li>
            <li>
              <span
                className="map-legend-ring"
                style={{ borderColor: GAP_ROLE_COLORS.both }}
                aria-hidden="true"
              />
              Both
            </li>
          </ul>
          <button type="button" className="map-legend-toggle" onClick={props.onClearGap}>
            Clear gap
          </button>
        </div>
      )}
    </ViewLegend>
  );
}
