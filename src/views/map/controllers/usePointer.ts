// Hover and click on the map: tooltips for organizations, clusters and regions (text nodes only), hover
// feature state, selection of an organization or a region, and cluster expansion on click.
import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { Map as MapLibreMap, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { OrgKind } from '../../../domain/model.ts';
import type { DatasetView, RegionOption } from '../../contracts.ts';
import { INTERACTIVE_LAYERS, LAYER } from '../style.ts';
import { clusterTooltip, orgTooltip, regionTooltip, renderTooltip } from '../tooltip.ts';
import type { TooltipContent } from '../tooltip.ts';
import { useLatest } from '../../../ui/useLatest.ts';

export interface PointerTargets {
  data: DatasetView;
  /** The regions of the "other regions" layer, index-aligned with its feature ids. */
  regions: readonly RegionOption[];
  onSelect: (orgId: string | undefined) => void;
  onSelectRegion: (regionId: string) => void;
  /** The zoom at which a cluster (its `cluster_id`) falls apart; the points worker knows. */
  expansionZoom: (clusterId: number) => Promise<number>;
}

type Hit =
  | { type: 'org'; index: number; feature: MapGeoJSONFeature }
  | { type: 'cluster'; feature: MapGeoJSONFeature }
  | { type: 'region'; region: RegionOption; feature: MapGeoJSONFeature }
  | null;

function pick(map: MapLibreMap, point: PointLike, targets: PointerTargets): Hit {
  const layers = INTERACTIVE_LAYERS.filter((id) => map.getLayer(id) !== undefined);
  const features = map.queryRenderedFeatures(point, { layers });
  // queryRenderedFeatures lists the top-most layer first; prefer points over the region underneath.
  for (const feature of features) {
    const layer = feature.layer.id;
    if (layer === LAYER.clusters) return { type: 'cluster', feature };
    if (layer === LAYER.regionsFill) {
      const region = typeof feature.id === 'number' ? targets.regions[feature.id] : undefined;
      if (region !== undefined) return { type: 'region', region, feature };
      continue;
    }
    const index = (feature.properties as { i?: unknown }).i;
    if (typeof index === 'number') return { type: 'org', index, feature };
  }
  return null;
}

function contentOf(hit: Hit, data: DatasetView): TooltipContent | null {
  if (hit === null) return null;
  if (hit.type === 'region') return regionTooltip(hit.region);
  if (hit.type === 'cluster') {
    const p = hit.feature.properties as Partial<Record<OrgKind | 'point_count', number>>;
    return clusterTooltip(p, p.point_count ?? 0);
  }
  const org = data.bundle.organizations[hit.index];
  if (org === undefined) return null;
  const tiers = data.analysis?.tiers;
  return orgTooltip(
    org,
    data.label,
    tiers !== undefined && Object.hasOwn(tiers, org.id) ? tiers[org.id] : undefined,
  );
}

interface Hovered {
  source: string;
  id: number;
}

export function usePointer(
  map: MapLibreMap | null,
  tooltipRef: RefObject<HTMLDivElement | null>,
  targets: PointerTargets,
): void {
  const latest = useLatest(targets);

  useEffect(() => {
    if (map === null) return;
    let hovered: Hovered | null = null;
    let frame = 0;
    let lastPoint: { x: number; y: number } | null = null;

    const setHover = (next: Hovered | null) => {
      if (hovered !== null && (next === null || next.source !== hovered.source || next.id !== hovered.id)) {
        map.setFeatureState(hovered, { hover: false });
      }
      if (next !== null) map.setFeatureState(next, { hover: true });
      hovered = next;
    };

    const hideTooltip = () => {
      const tooltip = tooltipRef.current;
      if (tooltip !== null) tooltip.hidden = true;
    };

    const update = () => {
      frame = 0;
      if (lastPoint === null) return;
      const hit = pick(map, [lastPoint.x, lastPoint.y], latest.current);
      const content = contentOf(hit, latest.current.data);
      map.getCanvas().style.cursor = hit === null ? '' : 'pointer';
      const featureId = hit?.feature.id;
      const source = hit?.feature.source;
      setHover(
        // Clusters' ids start past the organizations' (views/map/points), so both can be hovered.
        hit !== null && typeof featureId === 'number' && source !== undefined
          ? { source, id: featureId }
          : null,
      );
      const tooltip = tooltipRef.current;
      if (tooltip === null) return;
      if (content === null) {
        tooltip.hidden = true;
        return;
      }
      renderTooltip(tooltip, content);
      tooltip.hidden = false;
      const box = map.getContainer().getBoundingClientRect();
      const width = tooltip.offsetWidth;
      const height = tooltip.offsetHeight;
      const x = lastPoint.x + 14 + width > box.width ? lastPoint.x - 14 - width : lastPoint.x + 14;
      const y = Math.min(Math.max(4, lastPoint.y + 14), box.height - height - 4);
      tooltip.style.transform = `translate(${Math.max(4, x)}px, ${y}px)`;
    };

    const onMove = (event: { point: { x: number; y: number } }) => {
      lastPoint = { x: event.point.x, y: event.point.y };
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    const onLeave = () => {
      lastPoint = null;
      setHover(null);
      hideTooltip();
    };
    const onClick = (event: { point: { x: number; y: number } }) => {
      const { data, onSelect, onSelectRegion, expansionZoom } = latest.current;
      const hit = pick(map, [event.point.x, event.point.y], latest.current);
      if (hit === null) {
        onSelect(undefined);
        return;
      }
      if (hit.type === 'org') {
        const org = data.bundle.organizations[hit.index];
        if (org !== undefined) onSelect(org.id);
      } else if (hit.type === 'region') {
        hideTooltip();
        onSelectRegion(hit.region.id);
      } else {
        const clusterId = (hit.feature.properties as { cluster_id?: unknown }).cluster_id;
        const geometry = hit.feature.geometry;
        if (typeof clusterId !== 'number' || geometry.type !== 'Point') return;
        const center = geometry.coordinates as [number, number];
        expansionZoom(clusterId).then(
          (zoom) => map.easeTo({ center, zoom: zoom + 0.01 }),
          // A cluster of a filter or dataset the worker no longer holds: the map is being redrawn anyway.
          () => {},
        );
      }
    };

    // A wheel zoom or a pan moves the features under a still pointer: the tooltip goes at once, and once
    // the map has settled it says what is under the pointer then (a cluster may have split or merged).
    const onMapMove = () => {
      setHover(null);
      hideTooltip();
    };
    const onIdle = () => {
      if (lastPoint !== null && frame === 0) frame = requestAnimationFrame(update);
    };

    map.on('mousemove', onMove);
    map.on('mouseout', onLeave);
    map.on('click', onClick);
    map.on('move', onMapMove);
    map.on('idle', onIdle);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      map.off('mousemove', onMove);
      map.off('mouseout', onLeave);
      map.off('click', onClick);
      map.off('move', onMapMove);
      map.off('idle', onIdle);
    };
  }, [map, tooltipRef, latest]);
}
