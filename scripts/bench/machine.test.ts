// The machine's figures from its rounds: medians, and the copy time turned into bandwidth.
import { describe, expect, it } from 'vitest';
import { COPIES, COPY_MB, machineFigures, machineLine } from './machine.ts';

const round = (jsMs: number, copyMs: number, firstFrameMs: number, frameMs: number, chaseNs = 100) => ({
  jsMs,
  copyMs,
  firstFrameMs,
  frameMs,
  chaseNs,
});

describe('machineFigures', () => {
  it('takes the median of each workload over the rounds', () => {
    const figures = machineFigures([
      round(600, 20, 90, 41.25),
      round(500, 40, 70, 39.5),
      round(700, 10, 80, 40),
    ]);
    expect(figures).toMatchObject({ jsMs: 600, firstFrameMs: 80, frameMs: 40, rounds: 3 });
  });

  it('turns the median copy time into GB/s of memory copied', () => {
    // 64 MB (67,108,864 bytes) copied 4 times = 268,435,456 bytes; in 20 ms that is 13.42 GB/s.
    expect(COPY_MB).toBe(64);
    expect(COPIES).toBe(4);
    expect(machineFigures([round(1, 20, 1, 1)]).copyGBps).toBe(13.4);
    expect(machineFigures([round(1, 10, 1, 1), round(1, 30, 1, 1), round(1, 20, 1, 1)]).copyGBps).toBe(13.4);
  });

  it("takes the mean of the middle two of an even number of rounds (the benches' shared median)", () => {
    expect(machineFigures([round(400, 20, 1, 1), round(300, 20, 1, 1)]).jsMs).toBe(350);
  });

  it('refuses to summarize nothing', () => {
    expect(() => machineFigures([])).toThrow(/no rounds/);
  });

  it('says every figure in one line', () => {
    expect(machineLine(machineFigures([round(612, 20, 77, 39.7, 265)]))).toBe(
      'JavaScript workload 612 ms, memory copy 13.4 GB/s, WebGL first frame 77 ms then 39.7 ms, random read 265 ns (median of 1)',
    );
  });
});
