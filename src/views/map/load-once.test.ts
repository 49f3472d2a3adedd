import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once.ts';

describe('loadOnce', () => {
  it('loads once and gives every caller the same promise', async () => {
    let loads = 0;
    const get = loadOnce(() => Promise.resolve(++loads));
    expect(get()).toBe(get());
    expect(await get()).toBe(1);
    expect(loads).toBe(1);
  });

  it('loads again after a failure', async () => {
    let loads = 0;
    const get = loadOnce(() => (++loads === 1 ? Promise.reject(new Error('flaky')) : Promise.resolve(loads)));
    await expect(get()).rejects.toThrow('flaky');
    expect(await get()).toBe(2);
    expect(await get()).toBe(2);
    expect(loads).toBe(2);
  });
});
