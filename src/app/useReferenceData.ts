// Loads, on demand, the reference data the main thread needs to draw a dataset: NAICS titles for labels,
// ZIP centroids and county centroids for organizations without coordinates.
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import { useEffect, useState } from 'react';
import type { Bundle } from '../domain/model.ts';
import { loadCountyTopology, referenceFile } from '../workers/reference-files.ts';
import { positionSourcesNeeded, positionsFromColumns, resolvePositions } from '../geo/positions.ts';
import { knownPlaces } from '../io/columnar.ts';
import { markOnce } from '../ui/perf-marks.ts';
import { turnFor } from './big-dataset.ts';
import type { PositionSources, Positions } from '../geo/positions.ts';
import { createZipGeocoder } from '../geo/zip-geocoder.ts';
import { referenceLoaders } from '../workers/reference-loaders.ts';

/** NAICS 2017 titles; empty until loaded (labels fall back to codes meanwhile). */
export function useNaicsTitles(): Readonly<Record<string, string>> {
  const [titles, setTitles] = useState<Readonly<Record<string, string>>>({});
  useEffect(() => {
    let live = true;
    void referenceLoaders.naicsTitles().then((loaded) => live && setTitles(loaded));
    return () => {
      live = false;
    };
  }, []);
  return titles;
}

async function loadPositionSources(bundle: Bundle): Promise<PositionSources> {
  const needed = positionSourcesNeeded(bundle.organizations);
  const sources: PositionSources = {};
  if (needed.zips) {
    const { geocoder } = createZipGeocoder(await referenceFile('zips'));
    sources.zipCentroid = (zip) => {
      const hit = geocoder.lookup(zip);
      return hit === null ? null : [hit.lon, hit.lat];
    };
  }
  if (needed.counties) {
    const topology = await loadCountyTopology();
    const counties = feature(topology, topology.objects.counties!);
    const centroids = new Map<string, [number, number]>();
    if ('features' in counties) {
      for (const county of counties.features) centroids.set(String(county.id), geoCentroid(county));
    }
    sources.countyCentroid = (fips) => centroids.get(fips) ?? null;
  }
  return sources;
}

/** Map positions of the bundle's organizations; null until the sources they need are loaded. */
export function usePositions(bundle: Bundle | undefined): Positions | null {
  const [state, setState] = useState<{ bundle: Bundle; positions: Positions } | null>(null);
  useEffect(() => {
    if (bundle === undefined) return;
    let live = true;
    // A big dataset's in a task of its own: the one that brought it ends first (big-dataset.ts).
    void turnFor(bundle).then(async () => {
      // A dataset read from kept columns whose records all have their coordinates (or no place at all):
      // from the columns, without reading 100k records twice or loading a reference file.
      const places = knownPlaces(bundle);
      const positions =
        (places === undefined ? null : positionsFromColumns(places.lat, places.lon, places.placeable)) ??
        resolvePositions(bundle.organizations, await loadPositionSources(bundle));
      if (!live) return;
      setState({ bundle, positions });
      markOnce('positions');
    });
    return () => {
      live = false;
    };
  }, [bundle]);
  return state !== null && state.bundle === bundle ? state.positions : null;
}
