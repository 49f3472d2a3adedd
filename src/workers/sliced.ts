// The one way long work yields: a task boundary (`nextTask`; `nextMessageTurn` without a timer's delay), loops
// cut into slices of about `sliceMs` by the clock (`eachSliced`), and computations written as generators that
// yield between small steps, run in slices (`runSliced`) or straight through (domain/steps.ts: `runToEnd`).

/** Waits for the next task, so the tab can paint and take input. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Lets the messages that arrived meanwhile be handled, then goes on at once: a message to itself, without a
 * timer's minimum delay (in a worker between long steps, to hear another worker).
 */
export function nextMessageTurn(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Runs `body` for 0 … count-1, letting the tab paint after every `sliceMs` or so. */
export async function eachSliced(count: number, body: (i: number) => void, sliceMs = 30): Promise<void> {
  let until = performance.now() + sliceMs;
  for (let i = 0; i < count; i++) {
    body(i);
    if ((i & 1023) === 1023 && performance.now() > until) {
      await nextTask();
      until = performance.now() + sliceMs;
    }
  }
}

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
    await nextTask();
  }
}
