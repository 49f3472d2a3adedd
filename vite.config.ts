// Vite builds the app; vitest runs two projects: `unit` (pure core and components, Node) and
// `e2e` (the built app driven in headless Chromium through playwright-core).
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { basemapTiles } from './scripts/basemap/vite-plugin.ts';

/**
 * The production build carries a Content-Security-Policy that allows requests to the app's own origin only,
 * so the browser itself enforces "nothing leaves the origin". Dev keeps Vite's inline HMR preamble working.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // DuckDB-Wasm (build from public records) compiles its WebAssembly module; no script is evaluated.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'forgemap-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The page's first script is src/app/boot.ts, which starts what the address asks for and then imports the
 * app's libraries (src/app/app-libraries.ts, app-renderer.ts) and the app (src/app/main.tsx). Their chunks
 * and style sheets are named in index.html as preloads, so that the browser fetches (and compiles) them
 * alongside the first script instead of once it has run.
 */
const APP_ENTRIES = ['/src/app/app-libraries.ts', '/src/app/app-renderer.ts', '/src/app/main.tsx'];

function preloadApp(): Plugin {
  return {
    name: 'forgemap-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { bundle }) => {
        if (bundle === undefined) return [];
        const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const entries = APP_ENTRIES.map((entry) => {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(entry) === true);
          if (chunk === undefined) throw new Error(`forgemap-preload-app: no chunk for ${entry}`);
          return chunk;
        });
        const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of byName.get(fileName)?.imports ?? []) add(imported);
        };
        for (const entry of entries) add(entry.fileName);
        // Their style sheets too: the first script's import of the app waits until they have loaded.
        const styles = new Set(
          [...files].flatMap((fileName) => [...(byName.get(fileName)?.viteMetadata?.importedCss ?? [])]),
        );
        return [
          ...[...styles].map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head' as const,
          })),
          // Named once: the first script and Vite's own preloads of its imports are in the page already.
          ...[...files]
            .filter((fileName) => !html.includes(`/${fileName}"`))
            .map((fileName) => ({
              tag: 'link',
              attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
              injectTo: 'head' as const,
            })),
        ];
      },
    },
  };
}

/**
 * Installable and offline after one visit: a service worker (Workbox, made at build time) precaches the app,
 * its workers, fonts, basemap, reference data and samples (about 10 MB; source maps left out), and keeps
 * DuckDB-Wasm (34 MB, only for public records) once it was first used. The app registers it once the first
 * picture is up (src/app/offline.ts). A new version waits until every tab of the old one is closed, so a
 * session never mixes the chunks of two builds.
 */
const offline = VitePWA({
  strategies: 'generateSW',
  injectRegister: false,
  manifest: {
    name: 'Forgemap',
    short_name: 'Forgemap',
    description:
      'Maps of regional supplier networks and supply-chain gaps for manufacturing communities and defense supply-chain analysts.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#f7f7f5',
    theme_color: '#1f2937',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,mjs,css,html,json,woff2,svg,webmanifest,tiles}'],
    globIgnores: ['**/*.map'],
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    runtimeCaching: [
      {
        urlPattern: ({ url }) => url.pathname.endsWith('.wasm'),
        handler: 'CacheFirst',
        options: { cacheName: 'forgemap-wasm', expiration: { maxEntries: 4 } },
      },
    ],
  },
});

export default defineConfig({
  plugins: [basemapTiles(), react(), contentSecurityPolicy(), preloadApp(), offline],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
