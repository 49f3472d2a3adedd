import { afterEach, describe, expect, it, vi } from 'vitest';

const ORIGIN = 'http://forgemap.test';

/** data-param.ts afresh, on a page at `address`, with a fetch that answers `status` and counts its reads. */
async function onPage(address: string, status = 200) {
  const href = new URL(address, ORIGIN).href;
  const { search, hash } = new URL(href);
  vi.stubGlobal('window', { location: { href, search, hash, origin: ORIGIN } });
  const body = new TextEncoder().encode('{"format":"forgemap.bundle"}');
  const served: Response[] = [];
  const fetch = vi.fn((_url: URL) => {
    const response = new Response(status === 200 ? body : 'Not Found', {
      status,
      statusText: status === 200 ? 'OK' : 'Not Found',
    });
    served.push(response);
    return Promise.resolve(response);
  });
  vi.stubGlobal('fetch', fetch);
  vi.resetModules();
  const module = await import('./data-param.ts');
  return { ...module, fetch, served, body, fileUrl: new URL('/data/big.json', ORIGIN) };
}

/** Lets the fetch's continuations (the body being read) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the ?data= file, fetched from the page's first script", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is read whole at once when the address opens it, and that answer is the one the app takes', async () => {
    const page = await onPage('/?data=data/big.json');
    expect(page.addressOpensFile()).toBe(true);
    page.prefetchDataParam();
    expect(page.fetch).toHaveBeenCalledTimes(1);
    await settle();
    // The network's response was read before anything asked for it.
    expect(page.served[0]!.bodyUsed).toBe(true);
    const response = await page.fetchDataParam(page.fileUrl);
    expect(response.ok).toBe(true);
    expect(new Uint8Array(await (await response.blob()).arrayBuffer())).toEqual(page.body);
    expect(page.fetch).toHaveBeenCalledTimes(1);
    // A second reader (React's second mount) asks again: a body is read once.
    await page.fetchDataParam(page.fileUrl);
    expect(page.fetch).toHaveBeenCalledTimes(2);
  });

  it("passes an error page on as it came, with the server's status", async () => {
    const page = await onPage('/?data=data/big.json', 404);
    page.prefetchDataParam();
    const response = await page.fetchDataParam(page.fileUrl);
    expect(response.status).toBe(404);
    expect(response.statusText).toBe('Not Found');
    expect(page.fetch).toHaveBeenCalledTimes(1);
  });

  it('only asks for the response when the hash names a dataset the device may keep', async () => {
    const page = await onPage('/?data=data/big.json#/h:0123456789abcdef/map');
    expect(page.addressOpensFile()).toBe(false);
    page.prefetchDataParam();
    expect(page.fetch).toHaveBeenCalledTimes(1);
    await settle();
    expect(page.served[0]!.bodyUsed).toBe(false);
    const response = await page.fetchDataParam(page.fileUrl);
    expect(response).toBe(page.served[0]);
  });

  it('fetches nothing early for a sample, another origin or no parameter', async () => {
    for (const address of [
      '/?data=data/big.json#/s:chicago/map',
      `/?data=${encodeURIComponent('http://elsewhere.test/x.json')}`,
      '/?data=',
      '/',
    ]) {
      const page = await onPage(address);
      page.prefetchDataParam();
      expect(page.fetch, address).not.toHaveBeenCalled();
    }
  });
});
