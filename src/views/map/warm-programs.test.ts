import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY } from './controllers/geojson.ts';
import { SOURCE, WARM_TWIN, WARMED_LAYERS } from './style.ts';
import { warmOverlayPrograms } from './warm-programs.ts';

const SIGNALED = 0x9119;
const UNSIGNALED = 0x9118;

/**
 * A map that records what is done to it, with the part of MapLibre's painter the warm-up uses: its WebGL 2
 * context (fences that signal at once, or after `fencePolls` polls, or never) and its framebuffer binding.
 * Each frame binds MapLibre's "canvas" (null) and says where it drew what was shown. `draws`: whether the
 * map ever draws a frame (fires idle).
 */
function fakeMap({ draws = true, fencePolls = 0, webgl2 = true } = {}) {
  const events: string[] = [];
  const data: unknown[] = [];
  const visible = new Set<string>();
  let bound: unknown = null;
  let onIdle: (() => void) | null = null;
  let polls = 0;
  const aside = { name: 'aside' };
  const gl = {
    drawingBufferWidth: 300,
    drawingBufferHeight: 200,
    SAMPLES: 1,
    FRAMEBUFFER_BINDING: 2,
    RENDERBUFFER_BINDING: 3,
    FRAMEBUFFER_COMPLETE: 4,
    SYNC_STATUS: 5,
    SIGNALED,
    getParameter: (name: number) => (name === 1 ? 0 : null),
    createRenderbuffer: () => ({}),
    bindRenderbuffer: () => undefined,
    renderbufferStorage: (_target: number, format: unknown) => events.push(`storage ${String(format)}`),
    renderbufferStorageMultisample: () => undefined,
    createFramebuffer: () => aside,
    bindFramebuffer: (_target: number, framebuffer: unknown) => {
      bound = framebuffer;
    },
    framebufferRenderbuffer: () => undefined,
    checkFramebufferStatus: () => 4,
    deleteFramebuffer: () => events.push('release'),
    deleteRenderbuffer: () => undefined,
    flush: () => undefined,
    ...(webgl2
      ? {
          fenceSync: () => {
            polls = 0;
            return {};
          },
          getSyncParameter: () => (polls++ >= fencePolls ? SIGNALED : UNSIGNALED),
          deleteSync: () => undefined,
        }
      : {}),
  };
  // As in MapLibre, its `set` is the class's (the warm-up shadows it on the instance, then removes that).
  class BindFramebuffer {
    dirty = false;
    set(framebuffer: unknown) {
      gl.bindFramebuffer(0, framebuffer);
    }
  }
  const bindFramebuffer = new BindFramebuffer();
  const map = {
    painter: { context: { gl, bindFramebuffer } },
    getCenter: () => ({ lng: -87.6, lat: 41.9 }),
    getSource: (id: string) =>
      id === SOURCE.warmTwins ? { setData: (d: unknown) => data.push(d) } : undefined,
    getLayer: (id: string) => (id.startsWith(WARM_TWIN) ? { id } : undefined),
    setLayoutProperty: (id: string, _key: string, value: string) => {
      if (value === 'visible') visible.add(id);
      else visible.delete(id);
      events.push(`${value} ${id}`);
    },
    once: (_event: string, listener: () => void) => {
      onIdle = listener;
    },
    off: () => {
      onIdle = null;
    },
    triggerRepaint: () => {
      // A frame as MapLibre draws one: into the canvas, framebuffer null.
      map.painter.context.bindFramebuffer.set(null);
      events.push(`frame ${[...visible].join(',')} into ${bound === aside ? 'aside' : 'canvas'}`);
      if (draws) queueMicrotask(() => onIdle?.());
    },
  };
  return { map: map as unknown as MapLibreMap, events, data, bindFramebuffer };
}

describe('warming the overlays’ shaders', () => {
  afterEach(() => vi.useRealTimers());

  it('draws each twin alone, aside from the canvas, after an idle moment, then hides it once the GPU is done', async () => {
    const { map, events, data, bindFramebuffer } = fakeMap();
    const idle = vi.fn(() => {
      events.push('idle');
      return Promise.resolve();
    });
    expect(await warmOverlayPrograms(map, idle)).toBe(WARMED_LAYERS.length);
    const storage = events.filter((event) => event.startsWith('storage'));
    expect(storage).toHaveLength(2);
    expect(events.filter((event) => !event.startsWith('storage'))).toEqual([
      ...WARMED_LAYERS.flatMap((layer) => [
        'idle',
        `visible ${WARM_TWIN}${layer}`,
        `frame ${WARM_TWIN}${layer} into aside`,
        `none ${WARM_TWIN}${layer}`,
      ]),
      'release',
    ]);
    // MapLibre's own binding is back, and marked to be bound again at its next use.
    expect(Object.hasOwn(bindFramebuffer, 'set')).toBe(false);
    expect(bindFramebuffer.dirty).toBe(true);
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({ type: 'FeatureCollection' });
    expect(data[1]).toBe(EMPTY);
  });

  it('lets MapLibre draw into the canvas again as soon as the twin is drawn', async () => {
    const { map, events } = fakeMap({ fencePolls: 3 });
    const warming = warmOverlayPrograms(map, () => Promise.resolve());
    // A frame the user asks for while the GPU builds the first twin's shader.
    await new Promise((resolve) => setTimeout(resolve, 20));
    map.triggerRepaint();
    await warming;
    const first = `${WARM_TWIN}${WARMED_LAYERS[0]}`;
    expect(events.filter((event) => event.startsWith('frame')).slice(0, 2)).toEqual([
      `frame ${first} into aside`,
      `frame ${first} into canvas`,
    ]);
  });

  it('gives MapLibre its canvas back when the map fails while a twin is drawn aside (a removed map)', async () => {
    const { map, bindFramebuffer } = fakeMap();
    (map as unknown as { setLayoutProperty: () => never }).setLayoutProperty = () => {
      throw new Error('the map was removed');
    };
    await expect(warmOverlayPrograms(map, () => Promise.resolve())).rejects.toThrow('removed');
    expect(Object.hasOwn(bindFramebuffer, 'set')).toBe(false);
    expect(bindFramebuffer.dirty).toBe(true);
  });

  it('warms a map once: a parked map taken up again is not warmed again', async () => {
    const { map, events } = fakeMap();
    const idle = () => Promise.resolve();
    await warmOverlayPrograms(map, idle);
    const count = events.length;
    expect(await warmOverlayPrograms(map, idle)).toBe(0);
    expect(events).toHaveLength(count);
  });

  it('warms nothing on WebGL 1 (no fences to wait on without blocking)', async () => {
    const { map, events } = fakeMap({ webgl2: false });
    expect(await warmOverlayPrograms(map, () => Promise.resolve())).toBe(0);
    expect(events).toEqual([]);
  });

  it('stops, its twin hidden and the canvas bound again, when the map draws no frame in time', async () => {
    vi.useFakeTimers();
    const { map, events, bindFramebuffer } = fakeMap({ draws: false });
    const warming = warmOverlayPrograms(map, () => Promise.resolve());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await warming).toBe(0);
    const first = `${WARM_TWIN}${WARMED_LAYERS[0]}`;
    expect(events.filter((event) => !event.startsWith('storage'))).toEqual([
      `visible ${first}`,
      `frame ${first} into aside`,
      `none ${first}`,
      'release',
    ]);
    expect(bindFramebuffer.dirty).toBe(true);
  });
});
