// Puts the positioned, visible organizations into the clustered point source. MapLibre copies GeoJSON to
// its worker on the main thread (about 100k features a second here), so the source is never sent whole:
// a new dataset or size measure starts it over and a filter change sends only what changed, both as diffs
// of at most ORG_CHUNK features, one after the other. Hover and selection never touch it (feature state
// and separate small sources do).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { DatasetView } from '../../contracts.ts';
import { sameBytes, useStable } from '../../derive/stable.ts';
import { drawableMask, nextMaskStep, orgFeatureMaker, suppliedValues } from '../sources.ts';
import type { OrgProps, SizeBy } from '../sources.ts';
import { SOURCE } from '../style.ts';

/**
 * Features sent to the worker in one main-thread task: copying one costs a few microseconds, so this keeps
 * each task well under the 100 ms budget on a slow machine.
 */
export const ORG_CHUNK = 4000;
/** Removals are only ids, far cheaper to send than features. */
const REMOVE_CHUNK = 10 * ORG_CHUNK;

/** Same contents, same array: the app may recompute the mask on any route change (a camera move too). */
export function useStableMask(mask: Uint8Array): Uint8Array {
  return useStable(mask, sameBytes);
}

/** Brings one source, step by step, to the target mask; a newer target takes over at the next step. */
class OrgSourceSync {
  private readonly held: Uint8Array;
  private target: Uint8Array;
  private started = false;
  private busy = false;
  private disposed = false;
  private buildMs = 0;

  constructor(
    private readonly source: GeoJSONSource,
    private readonly make: (i: number) => Feature<Point, OrgProps>,
    target: Uint8Array,
    private readonly onSynced: (buildMs: number) => void,
  ) {
    this.held = new Uint8Array(target.length);
    this.target = target;
  }

  setTarget(target: Uint8Array): void {
    if (target.length !== this.held.length) return;
    this.target = target;
    void this.pump();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async pump(): Promise<void> {
    if (this.busy || this.disposed) return;
    this.busy = true;
    try {
      for (;;) {
        const step = nextMaskStep(this.held, this.target, ORG_CHUNK, REMOVE_CHUNK);
        if (this.started && step.add.length === 0 && step.remove.length === 0) break;
        const began = performance.now();
        const add = step.add.map(this.make);
        this.buildMs += performance.now() - began;
        const sent = this.started
          ? this.source.updateData({ remove: step.remove, add })
          : // The first step replaces whatever the source held before (another dataset, another size).
            this.source.setData({ type: 'FeatureCollection', features: add });
        this.started = true;
        for (const i of step.remove) this.held[i] = 0;
        for (const i of step.add) this.held[i] = 1;
        await sent;
        if (this.disposed) return;
      }
      this.onSynced(this.buildMs);
      this.buildMs = 0;
    } finally {
      this.busy = false;
    }
  }
}

/** Returns a counter that goes up each time the source has caught up with new data (0: not yet). */
export function useOrgSource(map: MapLibreMap | null, data: DatasetView, sizeBy: SizeBy): number {
  const { bundle, positions } = data;
  const visible = useStableMask(data.visible);
  const target = useMemo(() => drawableMask(positions, visible), [positions, visible]);
  const supplied = useMemo(() => (sizeBy === 'value' ? suppliedValues(bundle) : undefined), [bundle, sizeBy]);
  const [version, setVersion] = useState(0);
  const sync = useRef<OrgSourceSync | null>(null);
  const latestTarget = useRef(target);

  // Declared first: on a dataset change React runs the cleanup below before this, so only a live sync hears it.
  useEffect(() => {
    latestTarget.current = target;
    sync.current?.setTarget(target);
  }, [target]);

  useEffect(() => {
    if (map === null) return;
    const source = map.getSource<GeoJSONSource>(SOURCE.orgs);
    if (source === undefined) return;
    const make = orgFeatureMaker({ bundle, positions }, sizeBy, supplied);
    const current = new OrgSourceSync(source, make, latestTarget.current, (buildMs) => {
      // Kept for the performance notes: building the features is our main-thread part of a filter change.
      map.getContainer().dataset['orgBuildMs'] = buildMs.toFixed(1);
      setVersion((v) => v + 1);
    });
    sync.current = current;
    current.setTarget(latestTarget.current);
    return () => {
      current.dispose();
      if (sync.current === current) sync.current = null;
    };
  }, [map, bundle, positions, sizeBy, supplied]);
  return version;
}
