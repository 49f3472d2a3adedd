// Vitest global setup for the e2e project: builds the app once into .e2e/dist (or reuses the build named by
// FORGEMAP_E2E_DIST), serves it on 127.0.0.1 and provides the base URL to the tests as inject('baseUrl').
// A failed build does not abort the whole run (which would hide the unit results): openApp rethrows it.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served build, with a trailing slash: `http://127.0.0.1:<port>/`. */
    baseUrl: string;
    /** Why the app could not be built or served, or null; openApp throws it so every e2e test fails. */
    e2eSetupError: string | null;
  }
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const defaultOutDir = join(repoRoot, '.e2e', 'dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const dist = await prepareDist(process.env['FORGEMAP_E2E_DIST']);
    const server = await startStaticServer(dist);
    project.provide('baseUrl', server.url);
    project.provide('e2eSetupError', null);
    return () => server.close();
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const message = `The e2e setup could not build or serve the app: ${reason}`;
    console.error(`[e2e] ${message}`);
    project.provide('baseUrl', 'http://127.0.0.1:9/');
    project.provide('e2eSetupError', message);
    return async () => {};
  }
}

/** Builds the app afresh, unless `prebuilt` names an existing build (fast local iteration only). */
async function prepareDist(prebuilt: string | undefined): Promise<string> {
  if (prebuilt) {
    const dir = resolve(prebuilt);
    if (!existsSync(join(dir, 'index.html'))) {
      throw new Error(`FORGEMAP_E2E_DIST=${prebuilt} has no index.html; unset it to build the app afresh.`);
    }
    console.warn(`[e2e] FORGEMAP_E2E_DIST is set: testing the existing build in ${dir}, which may be stale.`);
    return dir;
  }
  const started = performance.now();
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; test what ships.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      root: repoRoot,
      configFile: join(repoRoot, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: defaultOutDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  console.log(
    `[e2e] built the app into ${defaultOutDir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return defaultOutDir;
}
