import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshStore() {
  vi.stubGlobal('indexedDB', new IDBFactory());
  vi.resetModules();
  const module = await import('./device-store.ts');
  await module.datasetStore().put({
    hash: '00000000000000aa',
    title: 'Kept here',
    bytes: 2,
    organizations: 0,
    synthetic: false,
    savedAt: '2026-12-06T10:00:00.000Z',
    content: { form: 'json', text: '{}' },
  });
  return { ...module, get: vi.spyOn(module.datasetStore(), 'get') };
}

describe('the dataset a link names, asked for early', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is asked for once, and the first reader takes that answer', async () => {
    const { askForStoredEarly, storedDataset, get } = await freshStore();
    askForStoredEarly('00000000000000aa');
    expect(get).toHaveBeenCalledTimes(1);
    expect((await storedDataset('00000000000000aa'))?.title).toBe('Kept here');
    expect(get).toHaveBeenCalledTimes(1);
    // A later reader (React's second mount, say) asks again.
    expect((await storedDataset('00000000000000aa'))?.title).toBe('Kept here');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('is not what a reader of another dataset gets', async () => {
    const { askForStoredEarly, storedDataset, get } = await freshStore();
    askForStoredEarly('00000000000000aa');
    expect(await storedDataset('00000000000000bb')).toBeUndefined();
    expect(get).toHaveBeenCalledTimes(2);
    expect((await storedDataset('00000000000000aa'))?.title).toBe('Kept here');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('says nothing when the dataset is not here', async () => {
    const { askForStoredEarly, storedDataset } = await freshStore();
    askForStoredEarly('00000000000000cc');
    expect(await storedDataset('00000000000000cc')).toBeUndefined();
  });
});
