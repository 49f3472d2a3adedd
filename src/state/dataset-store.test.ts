import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDatasetStore } from './dataset-store.ts';
import type { StoredDataset } from './dataset-store.ts';

const record = (hash: string, savedAt: string, text = '{"format":"forgemap.bundle"}'): StoredDataset => ({
  hash,
  title: `Dataset ${hash}`,
  bytes: text.length,
  organizations: 3,
  synthetic: false,
  savedAt,
  content: { form: 'json', text },
});

/** The stored JSON text of a dataset read back (a copy an earlier version kept). */
const jsonOf = (back: StoredDataset | undefined): string | Uint8Array => {
  if (back?.content.form !== 'json') throw new Error(`expected a JSON copy, got ${back?.content.form}`);
  return back.content.text;
};

describe('openDatasetStore', () => {
  it('keeps a dataset and gives it back by hash', async () => {
    const store = openDatasetStore(new IDBFactory());
    await store.put(record('00000000000000aa', '2026-12-01T10:00:00.000Z', '{"a":1}'));
    expect(await store.get('00000000000000aa')).toEqual(
      record('00000000000000aa', '2026-12-01T10:00:00.000Z', '{"a":1}'),
    );
    expect(await store.get('00000000000000bb')).toBeUndefined();
  });

  it('keeps the canonical text as UTF-8 bytes too', async () => {
    const store = openDatasetStore(new IDBFactory());
    const bytes = new TextEncoder().encode('{"name":"Fähr"}');
    await store.put({
      ...record('00000000000000cc', '2026-12-01T10:00:00.000Z'),
      content: { form: 'json', text: bytes },
    });
    const back = jsonOf(await store.get('00000000000000cc'));
    expect(back).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(back as Uint8Array)).toBe('{"name":"Fähr"}');
  });

  it('keeps a big text as a Blob and gives the same bytes back', async () => {
    const factory = new IDBFactory();
    const store = openDatasetStore(factory);
    // 2 MB of varied bytes (over the 1 MB threshold), so a truncated or reordered copy would show.
    const bytes = new Uint8Array(2 * 1024 * 1024).map((_, i) => (i * 31 + (i >> 11)) & 0xff);
    await store.put({
      ...record('00000000000000dd', '2026-12-01T10:00:00.000Z'),
      content: { form: 'json', text: bytes },
    });
    const raw = await new Promise<unknown>((resolve, reject) => {
      const open = factory.open('forgemap');
      open.onsuccess = () => {
        const get = open.result.transaction('datasets').objectStore('datasets').get('00000000000000dd');
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      };
      open.onerror = () => reject(open.error);
    });
    expect((raw as { text: unknown }).text).toBeInstanceOf(Blob);
    const back = jsonOf(await store.get('00000000000000dd'));
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(back as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps a Blob made elsewhere (the import worker) as it is, and gives its bytes back', async () => {
    const store = openDatasetStore(new IDBFactory());
    const bytes = new TextEncoder().encode('{"name":"Fähr","from":"the worker"}');
    await store.put({
      ...record('00000000000000ee', '2026-12-01T10:00:00.000Z'),
      content: { form: 'json', text: new Blob([bytes]) },
    });
    const back = jsonOf(await store.get('00000000000000ee'));
    expect(back).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(back as Uint8Array)).toBe('{"name":"Fähr","from":"the worker"}');
  });

  it('keeps a bundle in columns, small as bytes and big as a Blob, and gives the bytes back as columns', async () => {
    const factory = new IDBFactory();
    const store = openDatasetStore(factory);
    for (const [hash, size] of [
      ['00000000000000f1', 64],
      ['00000000000000f2', 2 * 1024 * 1024],
    ] as const) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 7 + (i >> 9)) & 0xff);
      await store.put({
        ...record(hash, '2026-12-01T10:00:00.000Z'),
        content: { form: 'columns', bytes: size > 1024 ? new Blob([bytes]) : bytes },
      });
      const back = await store.get(hash);
      expect(back?.content.form).toBe('columns');
      const got = back?.content.form === 'columns' ? back.content.bytes : new Uint8Array(0);
      expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('lists datasets newest first, without their texts', async () => {
    const store = openDatasetStore(new IDBFactory());
    await store.put(record('1111111111111111', '2026-11-01T00:00:00.000Z'));
    await store.put(record('2222222222222222', '2026-12-01T00:00:00.000Z'));
    const list = await store.list();
    expect(list.map((d) => d.hash)).toEqual(['2222222222222222', '1111111111111111']);
    expect(list.every((d) => !('content' in d) && !('text' in d))).toBe(true);
  });

  it('replaces a dataset saved again under the same hash, and deletes it', async () => {
    const store = openDatasetStore(new IDBFactory());
    await store.put(record('3333333333333333', '2026-11-01T00:00:00.000Z'));
    await store.put(record('3333333333333333', '2026-12-01T00:00:00.000Z'));
    expect((await store.list()).map((d) => d.savedAt)).toEqual(['2026-12-01T00:00:00.000Z']);
    await store.delete('3333333333333333');
    expect(await store.list()).toEqual([]);
    expect(await store.get('3333333333333333')).toBeUndefined();
  });

  it('survives reopening the same database (a reload)', async () => {
    const factory = new IDBFactory();
    await openDatasetStore(factory).put(record('4444444444444444', '2026-12-01T00:00:00.000Z'));
    expect((await openDatasetStore(factory).get('4444444444444444'))?.title).toBe('Dataset 4444444444444444');
  });

  it('says so when the browser has no IndexedDB', async () => {
    const store = openDatasetStore(undefined);
    await expect(store.list()).rejects.toThrow(/cannot keep datasets/);
  });
});
