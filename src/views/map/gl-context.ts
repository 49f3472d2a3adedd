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

/** Whether a WebGL renderer name is a CPU rasterizer. */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

let probed: boolean | undefined;

/**
 * Whether WebGL here draws on the CPU, from the renderer's name (browsers happily give SwiftShader contexts
 * to pages that ask for no major performance caveat). Probed once on a context that is released at once.
 */
export function isSoftwareGl(): boolean {
  if (probed !== undefined) return probed;
  const gl = document.createElement('canvas').getContext('webgl2');
  if (gl === null) {
    // No WebGL at all: the map reports that failure itself.
    probed = false;
    return probed;
  }
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = gl.getParameter(info === null ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL);
  probed = typeof renderer === 'string' && isSoftwareRenderer(renderer);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return probed;
}
