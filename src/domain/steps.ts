// Computations written as generators that yield between small steps (a piece of text, a column, a slice of
// records), so that a thread that must stay responsive can run them a few steps at a time
// (workers/sliced.ts: runSliced) while any other caller runs them straight through.

/** Runs `steps` to the end at once. */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
