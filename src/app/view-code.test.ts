import { describe, expect, it } from 'vitest';
import { tracked } from './view-code.ts';

describe('tracked', () => {
  it('says nothing while pending, then that it was fulfilled and with what', async () => {
    let resolve: (value: string) => void = () => {};
    const promise = tracked(new Promise<string>((r) => (resolve = r)));
    expect(promise.status).toBeUndefined();
    resolve('code');
    await promise;
    expect(promise).toMatchObject({ status: 'fulfilled', value: 'code' });
  });

  it('says that it was rejected and why, without an unhandled rejection', async () => {
    const reason = new Error('chunk missing');
    const promise = tracked(Promise.reject(reason));
    await promise.catch(() => undefined);
    expect(promise).toMatchObject({ status: 'rejected', reason });
  });

  it('is the promise it was given', () => {
    const promise = Promise.resolve(1);
    expect(tracked(promise)).toBe(promise);
  });
});
