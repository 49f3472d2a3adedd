// How finely the map is drawn when WebGL runs on the CPU (no GPU: SwiftShader, llvmpipe, as on many virtual
// desktops). There a frame costs about its pixel count: a 1,000 × 850 canvas at full resolution blocks the
// main thread for 150–350 ms per frame on a 2-core machine, so panning and filtering stutter. Drawing a
// fixed budget of pixels and letting the browser scale the canvas up keeps each frame under ~100 ms.
// With a GPU the map always draws at the device's own ratio.

/**
 * Drawing-buffer pixels per frame on software GL. Measured on the 100k bench bundle in headless Chromium
 * on 2 cores: ~230k drawn pixels still gave 110–120 ms frames while filtering, ~160k stayed under 100 ms.
 */
export const SOFTWARE_PIXEL_BUDGET = 160_000;
/** Below half resolution labels become hard to read; bigger canvases then cost a little more. */
export const MIN_SOFTWARE_RATIO = 0.5;

/**
 * The pixel ratio to draw a `cssWidth` × `cssHeight` map at on software GL: the device ratio when the
 * canvas fits the budget, else the ratio that fits it (never below MIN_SOFTWARE_RATIO), in steps of 0.05
 * so that small resizes do not reallocate the canvas.
 */
export function softwarePixelRatio(cssWidth: number, cssHeight: number, deviceRatio: number): number {
  const device = Number.isFinite(deviceRatio) && deviceRatio > 0 ? deviceRatio : 1;
  const area = cssWidth * cssHeight;
  if (!(area > 0)) return device;
  const fit = Math.sqrt(SOFTWARE_PIXEL_BUDGET / area);
  if (fit >= device) return device;
  return Math.max(MIN_SOFTWARE_RATIO, Math.floor(fit * 20) / 20);
}

export type MapResolution = 'fast' | 'sharp';

/** The ratio the map draws at: reduced only on software GL, and only while the user has not asked for sharp. */
export function mapPixelRatio(
  softwareGl: boolean,
  resolution: MapResolution,
  cssWidth: number,
  cssHeight: number,
  deviceRatio: number,
): number {
  const device = Number.isFinite(deviceRatio) && deviceRatio > 0 ? deviceRatio : 1;
  if (!softwareGl || resolution === 'sharp') return device;
  return softwarePixelRatio(cssWidth, cssHeight, device);
}
