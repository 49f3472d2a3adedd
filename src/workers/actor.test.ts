import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Moved, createActor, inThread, serve } from './actor.ts';
import type { Api, Handlers, Method, Port } from './actor.ts';

interface EchoApi extends Api {
  double: Method<number, number, string>;
  fail: Method<null, never>;
  wait: Method<null, string>;
}

const handlers: Handlers<EchoApi> = {
  double: (n, { emit }) => {
    emit(`doubling ${n}`);
    return n * 2;
  },
  fail: () => {
    throw new Error('the handler says no');
  },
  wait: () => new Promise<string>(() => {}),
};
const args = { double: z.number().int() };
const cancelled = () => new Error('cancelled');

/** An in-thread actor that counts the workers it starts. */
function countingActor() {
  let count = 0;
  const actor = createActor<EchoApi>(
    () => {
      count++;
      return inThread(handlers, args);
    },
    { name: 'echo', cancelled },
  );
  return { actor, started: () => count };
}

describe('actor', () => {
  it('answers a call with its events first, then its result', async () => {
    const actor = createActor<EchoApi>(() => inThread(handlers, args), { name: 'echo', cancelled });
    const events: string[] = [];
    expect(await actor.call('double', 21, { onEvent: (e) => events.push(e) })).toBe(42);
    expect(events).toEqual(['doubling 21']);
  });

  it('checks an argument at the boundary and says what is wrong with it', async () => {
    const actor = createActor<EchoApi>(() => inThread(handlers, args), { name: 'echo', cancelled });
    await expect(actor.call('double', 1.5)).rejects.toThrow(
      /The worker's "double" got a malformed request: /,
    );
  });

  it("passes on a handler's error as the call's rejection, and keeps answering", async () => {
    const actor = createActor<EchoApi>(() => inThread(handlers, args), { name: 'echo', cancelled });
    await expect(actor.call('fail', null)).rejects.toThrow('the handler says no');
    expect(await actor.call('double', 2)).toBe(4);
  });

  it('cancels: pending calls reject, the worker stops, and the next call starts a fresh one', async () => {
    const { actor, started } = countingActor();
    const controller = new AbortController();
    const pending = actor.call('wait', null, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow('cancelled');
    expect(actor.running()).toBe(false);
    expect(await actor.call('double', 5)).toBe(10);
    expect(started()).toBe(2);
  });

  it('starts its worker ahead when asked, once, and the first call finds it running; not after dispose', async () => {
    const { actor, started } = countingActor();
    expect(actor.running()).toBe(false);
    actor.start();
    actor.start();
    expect(actor.running()).toBe(true);
    expect(await actor.call('double', 4)).toBe(8);
    expect(started()).toBe(1);
    actor.dispose();
    actor.start();
    expect(actor.running()).toBe(false);
    expect(started()).toBe(1);
  });

  it('drops messages that are not calls or answers, and answers an unknown method with an error', async () => {
    const sent: unknown[] = [];
    let deliver: (event: MessageEvent) => void = () => {};
    const port: Port = {
      postMessage: (message) => sent.push(message),
      addEventListener: (_type, listener) => {
        deliver = listener;
      },
    };
    serve(handlers, port);
    deliver({ data: { hello: 'world' } } as MessageEvent);
    deliver({ data: { id: 7, method: 'nope', arg: null } } as MessageEvent);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([{ id: 7, kind: 'error', message: 'The worker has no method "nope".' }]);
  });

  it('moves the buffers a handler names', async () => {
    const transfers: Transferable[][] = [];
    let deliver: (event: MessageEvent) => void = () => {};
    const buffer = new ArrayBuffer(8);
    serve<{ give: Method<null, ArrayBuffer> }>(
      { give: () => new Moved(buffer, [buffer]) },
      {
        postMessage: (_message, transfer) => transfers.push(transfer),
        addEventListener: (_type, listener) => {
          deliver = listener;
        },
      },
    );
    deliver({ data: { id: 1, method: 'give', arg: null } } as MessageEvent);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(transfers).toEqual([[buffer]]);
  });
});
