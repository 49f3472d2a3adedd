// Finds a Chromium and launches it headless with working software WebGL. Used by the e2e harness, the browser
// bench and the README pictures script (none of which needs vitest for this part).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Flags that give working WebGL/WebGL2 through SwiftShader in headless Chromium, also as root. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  // The flags above already fall back to SwiftShader here; naming it keeps pixels alike across machines.
  '--use-angle=swiftshader',
  // Containers often mount a 64 MB /dev/shm, which crashes the GPU process on large canvases.
  '--disable-dev-shm-usage',
  // Each new window (a new context, or a new page in a context with none open) would have Chromium load its
  // omnibox popup, a WebUI page of its own that nobody sees here: 0.5-1.4 s of a core, at a random moment,
  // taken from the page being measured on a two-core machine.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
];

/**
 * The same browser as on a machine with a GPU, SwiftShader standing in for it: without `--disable-gpu`
 * Chromium composites on the "GPU" and a WebGL frame reaches the screen as a texture. With it (the flags
 * above) the compositor runs in software and reads every WebGL frame back on the page's main thread, which
 * then waits for the whole frame to be drawn on the CPU: a cost no machine with a GPU pays. `npm run
 * bench:browser` measures the app both ways.
 */
export const GPU_COMPOSITING_ARGS: readonly string[] = CHROMIUM_ARGS.filter(
  (flag) => flag !== '--disable-gpu',
);

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_INSTALL_HINT =
  'No Chromium found for the e2e tests. Install one with `apt-get install -y chromium` (Debian/Ubuntu), ' +
  'or set FORGEMAP_CHROMIUM=/path/to/chrome.';

/**
 * The Chromium executable to drive: $FORGEMAP_CHROMIUM or $CHROME_PATH, then the usual system paths, then
 * playwright-core's own download if one exists. Throws with install instructions when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of ['FORGEMAP_CHROMIUM', 'CHROME_PATH'] as const) {
    const path = env[name];
    if (path) {
      if (!existsSync(path)) throw new Error(`${name}=${path} does not exist. ${CHROMIUM_INSTALL_HINT}`);
      return path;
    }
  }
  for (const path of SYSTEM_CHROMIUMS) if (existsSync(path)) return path;
  const bundled = playwrightChromium();
  if (bundled != null) return bundled;
  throw new Error(CHROMIUM_INSTALL_HINT);
}

function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Launches headless Chromium with the flags above. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS] });
}
