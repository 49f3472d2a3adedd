// County shading of the home region: the measure per county (organizations, supplied value, imported
// value) and the color classes the map and its legend share.
import { scaleQuantize } from 'd3-scale';
import type { Bundle } from '../../domain/model.ts';
import type { Shading } from '../../state/route.ts';
import { SUPPLY_LINK_KINDS } from '../../analysis/supply-graph.ts';
import type { LinkArrays } from '../derive/filter.ts';

export interface MeasureInputs {
  bundle: Bundle;
  orgIndex: ReadonlyMap<string, number>;
  inRegion: Uint8Array;
  visible: Uint8Array;
  /** The links' endpoint indices, when built: two array reads per link instead of two id lookups. */
  links?: LinkArrays | undefined;
}

/**
 * The measure for each of `counties` (every one present, 0 when nothing counts):
 * - `orgs`: visible organizations whose county it is;
 * - `supplied`: Σ value of supply links whose supplier's county it is;
 * - `imported`: Σ value of supply links into buyers of that county from suppliers outside the region.
 * Counties come from the records; value sums ignore links without a value.
 */
export function countyMeasures(
  inputs: MeasureInputs,
  counties: readonly string[],
  shading: Exclude<Shading, 'none'>,
): Map<string, number> {
  const result = new Map<string, number>(counties.map((c) => [c, 0]));
  const orgs = inputs.bundle.organizations;
  const add = (county: string | undefined, amount: number) => {
    if (county === undefined) return;
    const current = result.get(county);
    if (current !== undefined) result.set(county, current + amount);
  };
  if (shading === 'orgs') {
    orgs.forEach((org, i) => {
      if (inputs.visible[i] === 1) add(org.county, 1);
    });
    return result;
  }
  const links = inputs.bundle.links;
  const arrays = inputs.links?.source.length === links.length ? inputs.links : undefined;
  for (let l = 0; l < links.length; l++) {
    const link = links[l]!;
    if (!SUPPLY_LINK_KINDS.has(link.kind) || link.value === undefined) continue;
    const s = arrays === undefined ? inputs.orgIndex.get(link.source) : nonNegative(arrays.source[l]!);
    const t = arrays === undefined ? inputs.orgIndex.get(link.target) : nonNegative(arrays.target[l]!);
    if (s === undefined || t === undefined) continue;
    if (shading === 'supplied') add(orgs[s]?.county, link.value);
    else if (inputs.inRegion[s] !== 1) add(orgs[t]?.county, link.value);
  }
  return result;
}

/** The link arrays mark an unknown endpoint with -1. */
function nonNegative(index: number): number | undefined {
  return index < 0 ? undefined : index;
}

/** Light to dark, five classes (ColorBrewer Oranges, readable under the blue and orange points). */
export const SHADE_COLORS = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'] as const;

export interface ShadeClass {
  color: string;
  from: number;
  to: number;
}

/** Equal-width classes from 0 to the largest value; a single class when every value is 0. */
export function shadeClasses(values: Iterable<number>): {
  classOf: (v: number) => string;
  classes: ShadeClass[];
} {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  if (max <= 0) {
    const color = SHADE_COLORS[0];
    return { classOf: () => color, classes: [{ color, from: 0, to: 0 }] };
  }
  const scale = scaleQuantize<string>()
    .domain([0, max])
    .range([...SHADE_COLORS]);
  const classes = SHADE_COLORS.map((color) => {
    const [from, to] = scale.invertExtent(color);
    return { color, from: from ?? 0, to: to ?? max };
  });
  return { classOf: (v) => scale(v), classes };
}
