// Issue 20's targets read from a bench run's figures: each figure beside its target, met or over.
import { describe, expect, it } from 'vitest';
import type { SizeResult } from './gephi-compare.ts';
import type { PipelineFigures } from './targets.ts';
import { gephiTargets, pipelineTargets, targetLine } from './targets.ts';

const tasks = (over100: number, longest: number[]) => ({ over100, longest });

const quiet: PipelineFigures = {
  chicago: { mapReadyMs: 1070, gapListMs: 630, longTasks: tasks(0, [68, 60, 55]) },
  big: {
    mapMs: 4690,
    startTasks: tasks(0, [74]),
    readTasks: tasks(0, [71, 52]),
    drawTasks: tasks(0, [75, 70, 66]),
  },
  reopen: { mapMs: 1610, longTasks: tasks(0, [81]) },
  network: { frames: { medianMs: 33, p95Ms: 67 } },
  initialJs: { map: { gzipKb: 547 }, network: { gzipKb: 304 }, gaps: { gzipKb: 288 } },
};

describe('pipelineTargets', () => {
  it('says every target met when each figure is within it', () => {
    const checks = pipelineTargets(quiet);
    expect(checks).toHaveLength(9);
    expect(checks[8]).toMatchObject({
      what: 'initial JS, gzip, a start on the map / network / gaps',
      measured: '547 / 304 / 288 kB',
    });
    expect(checks.every((c) => c.met)).toBe(true);
    expect(checks[0]).toEqual({
      what: 'Chicago: to a drawn map (median)',
      measured: '1.07 s',
      target: '≤ 1.20 s',
      met: true,
    });
  });

  it('finds each figure over its target, the limits themselves still met', () => {
    const checks = pipelineTargets({
      chicago: { mapReadyMs: 1201, gapListMs: 1500, longTasks: tasks(0, []) },
      big: { ...quiet.big!, mapMs: 6000, readTasks: tasks(1, [125, 71]) },
      reopen: { mapMs: 2001, longTasks: tasks(0, [99]) },
      network: { frames: { medianMs: 50, p95Ms: 117 } },
      initialJs: { map: { gzipKb: 601 }, gaps: { gzipKb: 600 } },
    });
    expect(checks.map((c) => c.met)).toEqual([false, true, true, true, false, false, true, false, false]);
    // The long tasks of the 100k start, reading and drawing counted together, the longest three of all.
    expect(checks[4]!.measured).toBe('1 over 100 ms (longest 125 / 75 / 74 ms)');
    expect(checks[2]!.measured).toBe('0 over 100 ms (longest none ms)');
  });

  it('leaves out the parts the run did not measure', () => {
    expect(pipelineTargets({ reopen: quiet.reopen! }).map((c) => c.what)).toEqual([
      'reopening the kept 100k: to a drawn map (median)',
      'reopening the kept 100k: long tasks, every start to idle',
    ]);
    expect(pipelineTargets({})).toEqual([]);
  });
});

const run = (drawnMs: number | null, longestTaskMs: number) => ({
  drawnMs,
  longestTaskMs,
  drawnNodes: 0,
  drawnEdges: 0,
});

describe('gephiTargets', () => {
  it('compares the medians: 0.5× at 1k on time alone, 0.4× and a 0.25× longest task from 10k', () => {
    const sizes: SizeResult[] = [
      // Medians 2000 / 1000 ms: 0.50×, at the limit; longest tasks 900 / 400 ms (0.44×, no limit at 1k).
      {
        nodes: 1000,
        edges: 4000,
        gephi: [run(3000, 900), run(2000, 1000), run(1000, 800)],
        forgemap: [run(900, 500), run(1000, 400), run(1100, 300)],
      },
      // Medians 10,000 / 3,900 ms: 0.39×; longest tasks 4,000 / 1,100 ms: 0.275×, over.
      { nodes: 10_000, edges: 40_000, gephi: [run(10_000, 4000)], forgemap: [run(3900, 1100)] },
      // A Forgemap run that timed out is left out of the time (3,000 of 3,000 and 3,200 ms: 0.10×), not of
      // the longest task (0, 200 and 400 ms: 200 against 20,000, 0.01×).
      {
        nodes: 50_000,
        edges: 200_000,
        gephi: [run(30_000, 20_000)],
        forgemap: [run(null, 0), run(3000, 400), run(3200, 200)],
      },
    ];
    const checks = gephiTargets(sizes);
    expect(checks.map((c) => [c.measured, c.met])).toEqual([
      ['0.50× / 0.44×', true],
      ['0.39× / 0.28×', false],
      ['0.10× / 0.01×', true],
    ]);
    expect(checks[1]!.target).toBe('≤ 0.4× / 0.25×');
  });

  it('is not met when Forgemap never drew the file', () => {
    const [check] = gephiTargets([
      { nodes: 1000, edges: 4000, gephi: [run(2000, 900)], forgemap: [run(null, 0)] },
    ]);
    expect(check).toMatchObject({ measured: 'none / 0.00×', met: false });
  });
});

describe('targetLine', () => {
  it('puts met or OVER first', () => {
    const [map, gaps] = pipelineTargets({
      chicago: { mapReadyMs: 2398, gapListMs: 1451, longTasks: tasks(0, []) },
    });
    expect(targetLine(map!)).toBe('OVER  Chicago: to a drawn map (median): 2.40 s (target ≤ 1.20 s)');
    expect(targetLine(gaps!)).toBe('met   Chicago: to the gap list (median): 1.45 s (target ≤ 1.50 s)');
  });
});
