// Work that must never compete with the first picture (the offline precache, warming the network view's
// shaders): queued until the map or the network is drawn, then run one task at a time, each when the page is
// idle and the work it holds for is done: keeping a dataset, the analysis. On two cores, the precache or the
// network's shaders (built in the GPU process) beside them starved SwiftShader, and a map frame drawn then
// waited 120–550 ms for it; the price is a network opened before then, which starts cold (a 10k network's
// first frame 2.5 → 4.2 s). A page that shows no picture (a dialog waiting for the user, a table) starts the
// queue a while after its load event instead.
import { onceMarked } from '../ui/perf-marks.ts';

/**
 * The marks of a first picture (src/ui/perf-marks.ts): the map drawn and idle (its last frame of the same
 * picture drawn too, views/map/MapView.tsx), or the network drawn.
 */
export const FIRST_PICTURE = ['map-idle', 'network-ready'] as const;
/** Without a picture, the queue starts this long after the page's load event. */
const WITHOUT_PICTURE_MS = 20_000;
/** The longest wait for an idle moment before a task runs anyway. */
const IDLE_WITHIN_MS = 5_000;

type Task = () => unknown;
const queue: Task[] = [];
let started = false;
let running = false;

/** Resolves in the page's next idle period (at the latest after IDLE_WITHIN_MS). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === 'function')
      window.requestIdleCallback(() => resolve(), { timeout: IDLE_WITHIN_MS });
    else setTimeout(resolve, 200);
  });
}

/** The longest a task waits for held work (holdIdleWork) to finish. */
const HOLD_WITHIN_MS = 30_000;

const holds = new Set<Promise<unknown>>();

/** Idle work waits until `work` has settled (see HOLD_WITHIN_MS). Returns `work`. */
export function holdIdleWork<T>(work: Promise<T>): Promise<T> {
  holds.add(work);
  const release = () => holds.delete(work);
  work.then(release, release);
  return work;
}

/**
 * Resolves once no held work runs and the page is idle; work held again before the idle moment (an
 * analysis's answer starts the next request) is waited for too, up to HOLD_WITHIN_MS in all.
 */
async function quiet(): Promise<void> {
  let late = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      late = true;
      resolve();
    }, HOLD_WITHIN_MS);
  });
  for (;;) {
    while (holds.size > 0 && !late) await Promise.race([Promise.allSettled([...holds]), deadline]);
    await whenIdle();
    if (holds.size === 0 || late) break;
  }
  clearTimeout(timer);
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
    await quiet();
    try {
      await task();
    } catch (error: unknown) {
      // Each task is an optimisation: its failure must not stop the others, nor reach the user.
      console.warn('Forgemap: background work failed:', error);
    }
  }
  running = false;
}

function start(): void {
  if (started) return;
  started = true;
  void drain();
}

let armed = false;
function arm(): void {
  if (armed) return;
  armed = true;
  onceMarked(FIRST_PICTURE, start);
  const fallback = () => setTimeout(start, WITHOUT_PICTURE_MS);
  if (document.readyState === 'complete') fallback();
  else window.addEventListener('load', fallback, { once: true });
}

/** The longest that work held for the first picture waits for it. */
export const PICTURE_WAIT_MS = 10_000;

/**
 * Resolves once the page has drawn its first picture (the map or the network), or after `withinMs`: a
 * picture that never comes (no WebGL) must not hold work back for ever. It resolves in a task of its own
 * after the picture's: the mark comes at the end of the frame that drew it (a CPU-drawn frame takes up to
 * ~100 ms), and the held work's first slices used to lengthen that task by as much again.
 */
export function firstPictureOr(withinMs = PICTURE_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, withinMs);
    onceMarked(FIRST_PICTURE, () => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}

/** Runs `task` when the page is idle after its first picture, after the tasks queued before it. */
export function afterFirstPicture(task: Task): void {
  queue.push(task);
  arm();
  if (started) void drain();
}
