import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeLinkPart } from '../io/link-split.ts';
import { inThread } from './actor.ts';
import type { WorkerLike } from './actor.ts';
import { createLinkPartParser, linkPartArgs, linkPartHandlers, READY_WAIT_MS } from './link-part-protocol.ts';

const part = '{"source":"a","target":"b","kind":"supplies"},{"source":"b","target":"c","kind":"supplies"}';

/** A worker that starts and then never answers. */
const silent = (): WorkerLike => ({
  postMessage: () => {},
  addEventListener: () => {},
  terminate: () => {},
  onFailure: () => {},
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the link-part helper client', () => {
  it('is ready once the helper answers, and parses a part as encodeLinkPart does', async () => {
    let started = 0;
    const parse = createLinkPartParser(() => {
      started++;
      return inThread(linkPartHandlers, linkPartArgs);
    });
    await parse.ready?.();
    expect(started).toBe(1);
    expect(await parse(part)).toEqual(encodeLinkPart(part));
    // The same helper serves the part.
    expect(started).toBe(1);
  });

  it('is ready (and parses nothing) when the helper cannot start: the caller reads the text alone', async () => {
    const parse = createLinkPartParser(() => {
      throw new Error('no workers here');
    });
    await expect(parse.ready?.()).resolves.toBeUndefined();
    expect(await parse(part)).toMatchObject({ ok: false });
  });

  it('stops waiting for a helper that does not answer after READY_WAIT_MS', async () => {
    vi.useFakeTimers();
    const parse = createLinkPartParser(silent);
    let settled = false;
    void parse.ready?.().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(READY_WAIT_MS - 10);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(settled).toBe(true);
  });
});
