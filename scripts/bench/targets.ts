// Issue 20's targets checked against one bench run's figures, so a run says at its end which targets held
// and which did not (each figure beside its target) instead of leaving that to be read out of the JSON.
import type { SizeResult } from './gephi-compare.ts';
import { gephiRatios } from './gephi-compare.ts';

interface LongTasks {
  over100: number;
  longest: number[];
}

/** What the bench writes for one pipeline (only the figures the targets read). */
export interface PipelineFigures {
  chicago?: { mapReadyMs: number; gapListMs: number; longTasks: LongTasks };
  big?: { mapMs: number; startTasks: LongTasks; readTasks: LongTasks; drawTasks: LongTasks };
  reopen?: { mapMs: number; longTasks: LongTasks };
  network?: { frames: { medianMs: number; p95Ms: number } };
  /** Per view a start opens on: the scripts before its first picture, gzip -9, in kB. */
  initialJs?: Record<string, { gzipKb: number }>;
}

export interface TargetCheck {
  what: string;
  measured: string;
  target: string;
  met: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function noLongTask(what: string, tasks: readonly LongTasks[]): TargetCheck {
  const over = tasks.reduce((sum, t) => sum + t.over100, 0);
  const longest = tasks
    .flatMap((t) => t.longest)
    .sort((a, b) => b - a)
    .slice(0, 3);
  return {
    what,
    measured: `${over} over 100 ms (longest ${longest.length === 0 ? 'none' : longest.join(' / ')} ms)`,
    target: 'none over 100 ms',
    met: over === 0,
  };
}

function atMost(what: string, ms: number, limitMs: number): TargetCheck {
  return { what, measured: seconds(ms), target: `≤ ${seconds(limitMs)}`, met: ms <= limitMs };
}

/** The targets one pipeline's figures bear on (the parts not run are left out). */
export function pipelineTargets(figures: PipelineFigures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const { chicago, big, reopen, network, initialJs } = figures;
  if (chicago !== undefined) {
    checks.push(atMost('Chicago: to a drawn map (median)', chicago.mapReadyMs, 1200));
    checks.push(atMost('Chicago: to the gap list (median)', chicago.gapListMs, 1500));
    checks.push(noLongTask('Chicago: long tasks, every start to idle', [chicago.longTasks]));
  }
  if (big !== undefined) {
    checks.push(atMost('?data= 100k: to a drawn map', big.mapMs, 6000));
    checks.push(
      noLongTask('?data= 100k: long tasks (start, reading, drawing and analysis)', [
        big.startTasks,
        big.readTasks,
        big.drawTasks,
      ]),
    );
  }
  if (reopen !== undefined) {
    checks.push(atMost('reopening the kept 100k: to a drawn map (median)', reopen.mapMs, 2000));
    checks.push(noLongTask('reopening the kept 100k: long tasks, every start to idle', [reopen.longTasks]));
  }
  if (network !== undefined) {
    const { medianMs, p95Ms } = network.frames;
    checks.push({
      what: 'network 10k: camera frames, median / p95',
      measured: `${medianMs} / ${p95Ms} ms`,
      target: '≤ 50 / 100 ms',
      met: medianMs <= 50 && p95Ms <= 100,
    });
  }
  if (initialJs !== undefined) {
    const views = Object.entries(initialJs);
    checks.push({
      what: `initial JS, gzip, a start on the ${views.map(([view]) => view).join(' / ')}`,
      measured: `${views.map(([, js]) => js.gzipKb).join(' / ')} kB`,
      target: '≤ 600 kB each',
      met: views.every(([, js]) => js.gzipKb <= 600),
    });
  }
  return checks;
}

/** The GEXF files against Gephi Lite: drawn ≤ 0.5× at 1k, ≤ 0.4× from 10k with a longest task ≤ 0.25×. */
export function gephiTargets(results: readonly SizeResult[]): TargetCheck[] {
  return results.map((result) => {
    const { drawn, task } = gephiRatios(result);
    const small = result.nodes < 10_000;
    const drawnLimit = small ? 0.5 : 0.4;
    const times = (ratio: number | null) => (ratio === null ? 'none' : `${ratio.toFixed(2)}×`);
    const drawnMet = drawn !== null && drawn <= drawnLimit;
    const taskMet = small || (task !== null && task <= 0.25);
    return {
      what: `GEXF ${result.nodes}/${result.edges}: drawn / longest task, against Gephi Lite`,
      measured: `${times(drawn)} / ${times(task)}`,
      target: small ? `≤ ${drawnLimit}×` : `≤ ${drawnLimit}× / 0.25×`,
      met: drawnMet && taskMet,
    };
  });
}

export function targetLine(check: TargetCheck): string {
  return `${check.met ? 'met ' : 'OVER'}  ${check.what}: ${check.measured} (target ${check.target})`;
}
