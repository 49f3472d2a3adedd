// The network's legend: organization kinds with the map's colors and counts, what size and thickness
// mean, the links (dashed across the home region's boundary; on big graphs drawn as plain lines, a colour
// instead), and the
// meaning of the highlights in use: selection, focus tree, critical suppliers, a gap's buyers and suppliers,
// a selected chokepoint's reach.
import { ViewLegend } from '../ViewLegend.tsx';
import type { CSSProperties, ReactNode } from 'react';
import type { OrgKind } from '../../domain/model.ts';
import { KIND_LABELS } from '../labels.ts';
import type { SizeBy } from './render-graph.ts';
import {
  ARC_IN,
  ARC_OUT,
  CRITICAL_COLOR,
  EDGE_COLOR,
  EDGE_COLOR_SOLID,
  EDGE_CROSSING_COLOR,
  GAP_ROLE_COLORS,
  KIND_COLORS,
  RISK_COLORS,
} from './style.ts';

const count = (n: number) => n.toLocaleString('en-US');

export interface NetworkLegendProps {
  kindCounts: Readonly<Record<OrgKind, number>>;
  /** False when the edges are drawn as plain lines (big graphs). */
  arrows?: boolean | undefined;
  sizeBy: SizeBy;
  showCritical: boolean;
  criticalCount: number | null;
  selected: boolean;
  focus: { hops: number; nodes: number } | null;
  gap: { label: string; buyers: number; suppliers: number } | null;
  onClearGap: () => void;
  /** The selected chokepoint's reach: primes that depend on it alone, organizations it cuts off. */
  risk?: { exposed: number; cutOff: number } | null | undefined;
}

/** A legend entry: a line (links) or a dot (nodes) of the colour given, then what it stands for. */
function Swatch({
  shape,
  color,
  dashed = false,
  children,
}: {
  shape: 'line' | 'dot';
  color: string;
  dashed?: boolean;
  children: ReactNode;
}) {
  const style: CSSProperties =
    shape === 'line'
      ? { borderColor: color, borderTopStyle: dashed ? 'dashed' : 'solid' }
      : { background: color };
  return (
    <li>
      <span className={`network-legend-${shape}`} style={style} aria-hidden="true" />
      {children}
    </li>
  );
}

export function NetworkLegend(props: NetworkLegendProps) {
  return (
    <ViewLegend className="network-legend" testId="network-legend">
      <ul>
        {(Object.keys(KIND_COLORS) as OrgKind[]).map((kind) => (
          <Swatch shape="dot" key={kind} color={KIND_COLORS[kind]}>
            {KIND_LABELS[kind]} <span className="network-legend-count">{count(props.kindCounts[kind])}</span>
          </Swatch>
        ))}
      </ul>
      <p className="network-legend-note">
        Size: {props.sizeBy === 'degree' ? 'number of supply links' : 'value supplied per year'}.
      </p>
      <ul>
        <Swatch shape="line" color={EDGE_COLOR}>
          {props.arrows === false
            ? 'Supplies (plain lines: arrows are left out above 20,000 links; hover shows direction)'
            : 'Supplies (arrow: supplier → buyer)'}
        </Swatch>
        {props.arrows === false ? (
          <Swatch shape="line" color={EDGE_CROSSING_COLOR}>
            Crosses the home-region boundary (pink: plain lines have no dashes)
          </Swatch>
        ) : (
          <Swatch shape="line" color={EDGE_COLOR_SOLID} dashed>
            Crosses the home-region boundary (dashed)
          </Swatch>
        )}
        <li className="network-legend-note">Thicker = more value per year</li>
        {props.selected && (
          <>
            <Swatch shape="line" color={ARC_IN}>
              Bought by the selection
            </Swatch>
            <Swatch shape="line" color={ARC_OUT}>
              Sold by the selection
            </Swatch>
          </>
        )}
      </ul>
      {props.focus !== null && (
        <p className="network-legend-note" data-testid="network-focus-legend">
          Focus: the selection's suppliers up to {props.focus.hops} {props.focus.hops === 1 ? 'hop' : 'hops'}{' '}
          upstream ({count(props.focus.nodes)} organizations).
        </p>
      )}
      {props.showCritical && (
        <ul data-testid="network-critical-legend">
          {props.criticalCount === null ? (
            <li className="network-legend-note">Critical suppliers appear once the analysis has run.</li>
          ) : (
            <>
              <li className="network-legend-note">
                Critical suppliers ({count(props.criticalCount)}): larger, others greyed. Without one of them
                the supply network falls apart.
              </li>
              <Swatch shape="line" color={CRITICAL_COLOR}>
                Critical link (the only path between two parts)
              </Swatch>
            </>
          )}
        </ul>
      )}
      {props.risk != null && (
        <ul data-testid="network-risk-legend">
          <li className="network-legend-note">If the selection closes:</li>
          <Swatch shape="dot" color={RISK_COLORS.exposed}>
            Primes that depend on it alone ({count(props.risk.exposed)})
          </Swatch>
          <Swatch shape="dot" color={RISK_COLORS['cut-off']}>
            Cut off from them with it ({count(props.risk.cutOff)})
          </Swatch>
        </ul>
      )}
      {props.gap !== null && (
        <div data-testid="network-gap-legend">
          <span className="network-legend-label">Gap: {props.gap.label}</span>
          <ul>
            <Swatch shape="dot" color={GAP_ROLE_COLORS.buyer}>
              Buyers in the region ({count(props.gap.buyers)})
            </Swatch>
            <Swatch shape="dot" color={GAP_ROLE_COLORS.supplier}>
              Their suppliers ({count(props.gap.suppliers)})
            </Swatch>
            <Swatch shape="dot" color={GAP_ROLE_COLORS.both}>
              Both
            </Swatch>
          </ul>
          <button type="button" className="ui-button network-button" onClick={props.onClearGap}>
            Clear gap
          </button>
        </div>
      )}
    </ViewLegend>
  );
}
