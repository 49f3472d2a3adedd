import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// idle-work.ts keeps its queue per module instance: each test loads a fresh one.
async function load() {
  vi.resetModules();
  const marks = await import('../ui/perf-marks.ts');
  const work = await import('./idle-work.ts');
  return { ...marks, ...work };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('afterFirstPicture', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // A page already loaded, with an idle callback that comes at once (on the next timer turn).
    vi.stubGlobal('document', { readyState: 'complete' });
    vi.stubGlobal('window', {
      requestIdleCallback: (callback: () => void) => setTimeout(callback, 0),
      addEventListener: () => undefined,
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs nothing before the first picture, then each task in turn, past one that fails', async () => {
    const { afterFirstPicture, markOnce } = await load();
    const ran: string[] = [];
    afterFirstPicture(() => ran.push('warm'));
    afterFirstPicture(() => {
      ran.push('broken');
      throw new Error('no WebGL');
    });
    afterFirstPicture(async () => {
      await Promise.resolve();
      ran.push('precache');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toEqual([]);
    markOnce('map-idle');
    await vi.advanceTimersByTimeAsync(10);
    await settle();
    expect(ran).toEqual(['warm', 'broken', 'precache']);
    expect(warn).toHaveBeenCalledTimes(1);
    // A task queued later still runs, after an idle period.
    afterFirstPicture(() => ran.push('late'));
    await vi.advanceTimersByTimeAsync(10);
    await settle();
    expect(ran.at(-1)).toBe('late');
    warn.mockRestore();
  });

  it('waits for held work (a dataset being kept, the analysis), and for work held again before it runs', async () => {
    const { afterFirstPicture, holdIdleWork, markOnce } = await load();
    // Idle moments come 50 ms after they are asked for.
    vi.stubGlobal('window', {
      requestIdleCallback: (callback: () => void) => setTimeout(callback, 50),
      addEventListener: () => undefined,
    });
    const ran: string[] = [];
    let keep!: () => void;
    let analyse!: () => void;
    const keeping = holdIdleWork(new Promise<void>((resolve) => (keep = resolve)));
    afterFirstPicture(() => ran.push('precache'));
    markOnce('map-idle');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ran).toEqual([]);
    // The dataset is kept; the analysis that follows is held while the task waits for an idle moment.
    keep();
    await keeping;
    await settle();
    const analysing = holdIdleWork(
      new Promise<void>((_, reject) => (analyse = () => reject(new Error('cancelled')))),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ran).toEqual([]);
    // A failed analysis releases it too.
    analyse();
    await analysing.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(ran).toEqual(['precache']);
  });

  it('runs a task anyway 30 s after it began to wait for held work that never settles', async () => {
    const { afterFirstPicture, holdIdleWork, markOnce } = await load();
    const ran: string[] = [];
    void holdIdleWork(new Promise<void>(() => undefined));
    afterFirstPicture(() => ran.push('precache'));
    markOnce('map-idle');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_100);
    await settle();
    expect(ran).toEqual(['precache']);
  });

  it('starts without a picture 20 s after load (a dialog waiting for the user)', async () => {
    const { afterFirstPicture } = await load();
    const ran: string[] = [];
    afterFirstPicture(() => ran.push('precache'));
    await vi.advanceTimersByTimeAsync(19_000);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_100);
    await settle();
    expect(ran).toEqual(['precache']);
  });
});

describe('firstPictureOr', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves when the map or the network is first drawn, not before, in a task after the picture’s', async () => {
    const { firstPictureOr, markOnce } = await load();
    let done = false;
    void firstPictureOr(10_000).then(() => (done = true));
    markOnce('points');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(done).toBe(false);
    markOnce('network-ready');
    // Not in the task that drew the picture…
    await settle();
    expect(done).toBe(false);
    // …but in the next one.
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(true);
  });

  it('resolves after the wait when no picture comes, and in the next task when one already came', async () => {
    const { firstPictureOr, markOnce } = await load();
    let done = false;
    void firstPictureOr(10_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    markOnce('map-idle');
    let again = false;
    void firstPictureOr(10_000).then(() => (again = true));
    await settle();
    expect(again).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(again).toBe(true);
  });
});
