// PNG exports of the map and the network: the views hand over their engines (MapLibre, sigma) while they
// are shown, and the export menu asks for a picture with the kind legend and a caption strip.
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useMemo, useState } from 'react';
import type Sigma from 'sigma';
import type { Bundle } from '../domain/model.ts';
import { countKinds } from '../domain/model.ts';
import { kindLegend } from '../views/export/legend.ts';
import type { LegendEntry } from '../views/export/png-layout.ts';
import { pngCaption } from '../views/export/png-layout.ts';
import { mapPngFromCanvas, networkPngFromSigma } from '../views/export/png.ts';
import { atFullResolution } from '../views/map/controllers/useRenderScale.ts';

export interface PngExports {
  onMapEngine: (map: MaplibreMap | null) => void;
  onSigmaEngine: (sigma: Sigma | null) => void;
  /** Undefined while the map (or network) is not shown. */
  getMapPng: (() => Promise<Blob | null>) | undefined;
  getNetworkPng: (() => Promise<Blob | null>) | undefined;
  /** The engines while their views are shown (the briefing reads them). */
  mapEngine: MaplibreMap | null;
  sigmaEngine: Sigma | null;
}

export function usePngExports(
  bundle: Bundle | undefined,
  regionName: string | undefined,
  shows: { map: boolean; network: boolean },
): PngExports {
  const [mapEngine, setMapEngine] = useState<MaplibreMap | null>(null);
  const [sigmaEngine, setSigmaEngine] = useState<Sigma | null>(null);
  // Counted when a picture is asked for: counting every organization at each dataset put ~10 ms (100k) in
  // the render that first shows it.
  const legend = useMemo(() => {
    let made: LegendEntry[] | undefined;
    return () => (made ??= bundle === undefined ? [] : kindLegend(countKinds(bundle.organizations)));
  }, [bundle]);
  const caption = (view: string, attribution?: string) =>
    bundle === undefined ? '' : pngCaption({ meta: bundle.meta, view, region: regionName, attribution });
  return {
    mapEngine: shows.map ? mapEngine : null,
    sigmaEngine: shows.network ? sigmaEngine : null,
    onMapEngine: setMapEngine,
    onSigmaEngine: setSigmaEngine,
    getMapPng:
      shows.map && mapEngine !== null
        ? () =>
            atFullResolution(mapEngine, (canvas) =>
              mapPngFromCanvas(canvas, legend(), caption('Map', 'Boundaries: US Census Bureau (us-atlas)')),
            )
        : undefined,
    getNetworkPng:
      shows.network && sigmaEngine !== null
        ? () => networkPngFromSigma(sigmaEngine, legend(), caption('Network'))
        : undefined,
  };
}
