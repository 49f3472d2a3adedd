// The WebGL context attributes of the map. On software GL (no GPU: SwiftShader, llvmpipe) Chromium
// composites on the CPU and reads the whole canvas back on the main thread at every frame, which blocks it
// for as long as the GL takes to draw; a desynchronized canvas is handed to the compositor without that
// read-back. With a GPU there is no read-back to save, and a desynchronized canvas may tear, so it stays off.

/** Context attributes for the map's canvas, given whether WebGL runs in software. */
export function glContextAttributes(softwareGl: boolean): WebGLContextAttributes {
  // Lets tests and the PNG export read the canvas pixels.
  const attributes: WebGLContextAttributes = { preserveDrawingBuffer: true };
  if (softwareGl) attributes.desynchronized = true;
  return attributes;
}

let probed: boolean | undefined;

/**
 * Whether WebGL here has a major performance caveat (a software renderer): the browser then refuses a
 * context that asks not to have one. Probed once; a context the probe gets is released at once.
 */
export function isSoftwareGl(): boolean {
  if (probed !== undefined) return probed;
  const canvas = document.createElement('canvas');
  const strict = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true });
  if (strict !== null) {
    strict.getExtension('WEBGL_lose_context')?.loseContext();
    probed = false;
  } else {
    // No context at all (WebGL off) is not a software renderer; the map reports that failure itself.
    const any = document.createElement('canvas').getContext('webgl2');
    probed = any !== null;
    any?.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return probed;
}
