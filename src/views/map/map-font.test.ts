import { afterEach, describe, expect, it, vi } from 'vitest';
import type { addProtocol } from 'maplibre-gl';

type Loader = Parameters<typeof addProtocol>[1];

/** map-font.ts afresh, with a fetch that serves `bytes` (counting its calls) and a recording addProtocol. */
async function fresh(bytes = new Uint8Array([0x77, 0x4f, 0x46, 0x32])) {
  const fetch = vi.fn(async () => new Response(bytes.slice()));
  vi.stubGlobal('fetch', fetch);
  vi.resetModules();
  const module = await import('./map-font.ts');
  const loaders = new Map<string, Loader>();
  const add = vi.fn(
    (name: string, loader: Loader) => void loaders.set(name, loader),
  ) as unknown as typeof addProtocol;
  return { ...module, fetch, add, loaders, bytes };
}

const ask = (loader: Loader, url: string) =>
  loader({ url } as Parameters<Loader>[0], new AbortController()) as Promise<{ data: ArrayBuffer }>;

describe("the map's font protocol", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('serves the font fetched once (early, by warm.ts) as a fresh copy each time', async () => {
    const { loadMapFont, registerFontProtocol, add, loaders, fetch, bytes, FONT_PROTOCOL, MAP_FONT_URL } =
      await fresh();
    void loadMapFont();
    registerFontProtocol(add);
    registerFontProtocol(add);
    expect(add).toHaveBeenCalledTimes(1);
    const loader = loaders.get(FONT_PROTOCOL)!;
    const first = await ask(loader, MAP_FONT_URL);
    const second = await ask(loader, MAP_FONT_URL);
    expect(new Uint8Array(first.data)).toEqual(bytes);
    expect(second.data).not.toBe(first.data);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('refuses any other URL of its scheme', async () => {
    const { registerFontProtocol, add, loaders, FONT_PROTOCOL } = await fresh();
    registerFontProtocol(add);
    await expect(ask(loaders.get(FONT_PROTOCOL)!, `${FONT_PROTOCOL}://other`)).rejects.toThrow(
      /Not the map's font/,
    );
  });

  it('says so when the font cannot be fetched, and fetches again on the next ask', async () => {
    const { loadMapFont, fetch } = await fresh();
    fetch.mockResolvedValueOnce(new Response('missing', { status: 404 }));
    await expect(loadMapFont()).rejects.toThrow(/font could not be loaded \(404\)/);
    await expect(loadMapFont()).resolves.toBeInstanceOf(ArrayBuffer);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
