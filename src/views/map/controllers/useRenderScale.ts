// Keeps the map's drawing resolution in step with its size and the user's choice (see render-scale.ts):
// reduced on software GL unless the user asked for sharp drawing, the device ratio otherwise. The PNG
// export draws one frame at full resolution through atFullResolution.
import { useEffect, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapResolution } from '../render-scale.ts';
import { mapPixelRatio } from '../render-scale.ts';

/** Longest wait for the full-resolution frame before the export takes what is drawn. */
const IDLE_WAIT_MS = 5000;

/** Maps held at full resolution by an export: the resize handler leaves them alone until it is done. */
const heldAtFull = new WeakSet<MapLibreMap>();

const deviceRatio = () => (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1);

/** The ratio the map should draw at now, from its container's size. */
export function targetPixelRatio(map: MapLibreMap, softwareGl: boolean, resolution: MapResolution): number {
  const container = map.getContainer();
  return mapPixelRatio(softwareGl, resolution, container.clientWidth, container.clientHeight, deviceRatio());
}

/** Applies the ratio now and on every resize; returns the ratio in use (for the note and the tests). */
export function useRenderScale(
  map: MapLibreMap | null,
  softwareGl: boolean,
  resolution: MapResolution,
): number | null {
  const [ratio, setRatio] = useState<number | null>(null);
  useEffect(() => {
    if (map === null) return;
    const apply = () => {
      if (heldAtFull.has(map)) return;
      const target = targetPixelRatio(map, softwareGl, resolution);
      // setPixelRatio resizes the canvas and fires "resize" again; the equality check ends that loop.
      if (Math.abs(map.getPixelRatio() - target) > 1e-6) map.setPixelRatio(target);
      setRatio(target);
    };
    apply();
    map.on('resize', apply);
    return () => {
      map.off('resize', apply);
    };
  }, [map, softwareGl, resolution]);
  return ratio;
}

/**
 * Runs `draw` on the map's canvas drawn at the device's full resolution (one frame, which may take a few
 * hundred milliseconds on software GL), then goes back to the resolution it had.
 */
export async function atFullResolution<T>(
  map: MapLibreMap,
  draw: (canvas: HTMLCanvasElement) => Promise<T>,
): Promise<T> {
  const previous = map.getPixelRatio();
  const full = deviceRatio();
  if (previous >= full) return draw(map.getCanvas());
  heldAtFull.add(map);
  try {
    await new Promise<void>((resolve) => {
      // A map that never settles (tiles still loading, an animation) is drawn as it is after a while.
      const timer = setTimeout(resolve, IDLE_WAIT_MS);
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
      map.setPixelRatio(full);
      map.triggerRepaint();
    });
    return await draw(map.getCanvas());
  } finally {
    heldAtFull.delete(map);
    map.setPixelRatio(previous);
  }
}
