// Long computations written as generators that yield between small steps, run either in slices of about
// `sliceMs` with a task boundary between them (no main-thread task much over the slice) or straight
// through (tests, workers).

/** Runs `steps` to the end in slices, yielding to the event loop between them; rejects when aborted. */
export async function runSliced<T>(
  steps: Generator<void, T, void>,
  sliceMs: number,
  signal?: AbortSignal,
): Promise<T> {
  for (;;) {
    signal?.throwIfAborted();
    const until = performance.now() + sliceMs;
    let step = steps.next();
    while (step.done !== true && performance.now() < until) step = steps.next();
    if (step.done === true) return step.value;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
  }
}

/** Runs `steps` to the end at once. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
