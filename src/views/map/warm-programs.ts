// The overlays' shaders built while the page is idle after its first picture, not at the user's first
// selection, gap or risk: each warmed layer's twin (style.ts, WARMED_LAYERS) is drawn for one frame, over a
// few features at the map's center, then hidden again. The twins lie under the opaque water: nothing they
// draw is seen. That frame is drawn into a framebuffer of the page's own instead of the canvas: a canvas
// frame on a CPU-drawn map is read back on the main thread, which then waited for SwiftShader to build the
// shader (a 150-230 ms task each on a slow day). Drawn aside, the page goes on while the GPU process builds
// it (a fence says when), and the canvas's frames then find it built: a first selection's arcs drew in
// 6-13 ms instead of ~80.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { EMPTY } from './controllers/geojson.ts';
import { SOURCE, WARM_TWIN, WARMED_LAYERS } from './style.ts';

/** The longest a twin waits for the frame that draws it (a map that stopped drawing must not hold the queue). */
const FRAME_WITHIN_MS = 5_000;

/** What every warmed layer's paint reads of a feature, and a point, a line and an area where it is looked at. */
export function warmFeatures(center: readonly [number, number]): GeoJSON.FeatureCollection {
  const [x, y] = center;
  const d = 0.01;
  const properties = {
    color: '#000000',
    width: 1,
    direction: 'in',
    crossing: false,
    kind: 'prime',
    role: 'buyer',
  };
  const geometries: GeoJSON.Geometry[] = [
    { type: 'Point', coordinates: [x, y] },
    {
      type: 'LineString',
      coordinates: [
        [x, y],
        [x + d, y + d],
      ],
    },
    {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + d, y],
          [x + d, y + d],
          [x, y + d],
          [x, y],
        ],
      ],
    },
  ];
  return {
    type: 'FeatureCollection',
    features: geometries.map((geometry) => ({ type: 'Feature', geometry, properties })),
  };
}

const warmed = new WeakSet<MapLibreMap>();

/** What this module reads of MapLibre's painter (not public API: MapLibre's version is pinned). */
interface PainterContext {
  gl: WebGLRenderingContext | WebGL2RenderingContext;
  bindFramebuffer: { set(framebuffer: WebGLFramebuffer | null): void; dirty: boolean };
}

function painterContext(map: MapLibreMap): PainterContext | null {
  const context = (map as unknown as { painter?: { context?: Partial<PainterContext> } }).painter?.context;
  const set = context?.bindFramebuffer?.set;
  return context?.gl !== undefined && typeof set === 'function' ? (context as PainterContext) : null;
}

/**
 * Draws each warmed layer's twin once on `map`, each after `idle()` resolves, and waits (without blocking)
 * for the GPU to have built its shader; a map warmed before (a parked map taken up again) is not warmed
 * again, nor a map without WebGL 2. Resolves with the number of twins drawn.
 */
export async function warmOverlayPrograms(map: MapLibreMap, idle: () => Promise<void>): Promise<number> {
  if (warmed.has(map)) return 0;
  warmed.add(map);
  const context = painterContext(map);
  const source = map.getSource<GeoJSONSource>(SOURCE.warmTwins);
  if (context === null || source === undefined || !isWebGl2(context.gl)) return 0;
  const gl = context.gl;
  const aside = framebufferAside(gl);
  if (aside === null) return 0;
  const center = map.getCenter();
  source.setData(warmFeatures([center.lng, center.lat]));
  let drawn = 0;
  try {
    for (const layer of WARMED_LAYERS) {
      await idle();
      const twin = `${WARM_TWIN}${layer}`;
      if (map.getLayer(twin) === undefined) continue;
      // MapLibre binds framebuffer null for the canvas: the frames until the twin is drawn go aside.
      const bind = context.bindFramebuffer;
      const set = bind.set.bind(bind);
      bind.set = (framebuffer) => set(framebuffer ?? aside.framebuffer);
      let frame = false;
      try {
        map.setLayoutProperty(twin, 'visibility', 'visible', { validate: false });
        frame = await drawnWithin(map, FRAME_WITHIN_MS);
      } finally {
        // The canvas back for MapLibre's next frame, whatever happened (a map removed meanwhile throws).
        delete (bind as Partial<typeof bind>).set;
        bind.dirty = true;
      }
      const built = frame && (await gpuDone(gl, FRAME_WITHIN_MS));
      map.setLayoutProperty(twin, 'visibility', 'none', { validate: false });
      if (!built) break;
      drawn += 1;
    }
  } finally {
    aside.release();
    source.setData(EMPTY);
  }
  return drawn;
}

function isWebGl2(gl: WebGLRenderingContext | WebGL2RenderingContext): gl is WebGL2RenderingContext {
  return typeof (gl as Partial<WebGL2RenderingContext>).fenceSync === 'function';
}

/**
 * A framebuffer like the canvas's drawing buffer (RGBA8, depth and stencil, its samples), for frames drawn
 * aside; null if the browser cannot make one.
 */
function framebufferAside(
  gl: WebGL2RenderingContext,
): { framebuffer: WebGLFramebuffer; release: () => void } | null {
  const { drawingBufferWidth: width, drawingBufferHeight: height } = gl;
  const samples = gl.getParameter(gl.SAMPLES) as number;
  const storage = (format: number) => {
    const buffer = gl.createRenderbuffer();
    gl.bindRenderbuffer(gl.RENDERBUFFER, buffer);
    if (samples > 0) gl.renderbufferStorageMultisample(gl.RENDERBUFFER, samples, format, width, height);
    else gl.renderbufferStorage(gl.RENDERBUFFER, format, width, height);
    return buffer;
  };
  const color = storage(gl.RGBA8);
  const depthStencil = storage(gl.DEPTH24_STENCIL8);
  const framebuffer = gl.createFramebuffer();
  const bound = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  const boundRenderbuffer = gl.getParameter(gl.RENDERBUFFER_BINDING) as WebGLRenderbuffer | null;
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, color);
  gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.DEPTH_STENCIL_ATTACHMENT, gl.RENDERBUFFER, depthStencil);
  const complete = gl.checkFramebufferStatus(gl.FRAMEBUFFER) === gl.FRAMEBUFFER_COMPLETE;
  // Back as MapLibre left them (its own record of the bindings stays true).
  gl.bindFramebuffer(gl.FRAMEBUFFER, bound);
  gl.bindRenderbuffer(gl.RENDERBUFFER, boundRenderbuffer);
  const release = () => {
    gl.deleteFramebuffer(framebuffer);
    gl.deleteRenderbuffer(color);
    gl.deleteRenderbuffer(depthStencil);
  };
  if (!complete) {
    release();
    return null;
  }
  return { framebuffer, release };
}

/** True once the GPU has run every command sent so far, polled without blocking; false after `withinMs`. */
async function gpuDone(gl: WebGL2RenderingContext, withinMs: number): Promise<boolean> {
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (fence === null) return false;
  gl.flush();
  const until = performance.now() + withinMs;
  try {
    while (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED) {
      if (performance.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
    return true;
  } finally {
    gl.deleteSync(fence);
  }
}

/** True once `map` has drawn everything it was asked to (its next idle event), false after `withinMs`. */
function drawnWithin(map: MapLibreMap, withinMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onIdle = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      map.off('idle', onIdle);
      resolve(false);
    }, withinMs);
    map.once('idle', onIdle);
    map.triggerRepaint();
  });
}
