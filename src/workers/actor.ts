// The one way the app talks to its workers: a typed actor. A worker serves an API (named methods, each taking
// one argument, emitting any number of events and answering once); the app calls it through a client that
// starts the worker on first use, checks every message at the boundary, moves transferables, and can stop
// the worker (cancel), after which the next call starts a fresh one. Without workers (unit tests, Node) the
// same API runs in this thread behind the same client, each call answered in a later task.
import { z } from 'zod';

/** A method's types: its argument, its answer and the events it may emit before answering. */
export interface Method<Arg, Result, Event = never> {
  readonly arg: Arg;
  readonly result: Result;
  readonly event: Event;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the phantom types are read by key only.
export type Api = Record<string, Method<any, any, any>>;

/** What a handler gets besides its argument. */
export interface CallContext<Event> {
  emit(event: Event, transfer?: Transferable[]): void;
  /** True once the caller cancelled: only an in-thread run sees it (a worker is stopped instead). */
  cancelled(): boolean;
}

/** An answer with the buffers that move with it instead of being copied. */
export class Moved<T> {
  readonly value: T;
  readonly transfer: Transferable[];
  constructor(value: T, transfer: Transferable[]) {
    this.value = value;
    this.transfer = transfer;
  }
}

export type Handlers<A extends Api> = {
  [K in keyof A]: (
    arg: A[K]['arg'],
    context: CallContext<A[K]['event']>,
  ) => A[K]['result'] | Moved<A[K]['result']> | Promise<A[K]['result'] | Moved<A[K]['result']>>;
};

const callSchema = z.object({ id: z.number().int().positive(), method: z.string(), arg: z.unknown() });
const answerSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.number().int(), kind: z.literal('event'), event: z.unknown() }),
  z.object({ id: z.number().int(), kind: z.literal('result'), value: z.unknown() }),
  z.object({ id: z.number().int(), kind: z.literal('error'), message: z.string() }),
]);
type Call = z.infer<typeof callSchema>;
type Answer = z.infer<typeof answerSchema>;

/** Either side of a worker, as the actor sees it: a Worker, the worker's own scope, or an in-thread stand-in. */
export interface Port {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** The worker's own scope as a port (inside a worker entry only). */
export function selfPort(): Port {
  const scope = self as unknown as {
    postMessage(message: unknown, options: { transfer: Transferable[] }): void;
    addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  };
  return {
    postMessage: (message, transfer) => scope.postMessage(message, { transfer }),
    addEventListener: (type, listener) => scope.addEventListener(type, listener),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Answers calls arriving on `port` with `handlers`. A call that is not a known method, or a message that is
 * not a call, is answered with an error (or dropped when it has no id to answer).
 */
/** Schemas of methods' arguments, checked before a handler runs (the outermost envelope always is). */
export type ArgSchemas<A extends Api> = { readonly [K in keyof A]?: z.ZodType<A[K]['arg']> };

export interface ServeOptions<A extends Api> {
  args?: ArgSchemas<A> | undefined;
  /** For an in-thread stand-in: true once the caller stopped it. */
  cancelled?: (() => boolean) | undefined;
}

export function serve<A extends Api>(handlers: Handlers<A>, port: Port, options: ServeOptions<A> = {}): void {
  const cancelled = options.cancelled ?? (() => false);
  const post = (answer: Answer, transfer: Transferable[] = []) => port.postMessage(answer, transfer);
  port.addEventListener('message', (event) => {
    const parsed = callSchema.safeParse(event.data);
    if (!parsed.success) return;
    const { id, method, arg } = parsed.data;
    if (!Object.prototype.hasOwnProperty.call(handlers, method)) {
      post({ id, kind: 'error', message: `The worker has no method "${method}".` });
      return;
    }
    const schema = (options.args as Record<string, z.ZodType> | undefined)?.[method];
    const checked = schema === undefined ? { success: true as const, data: arg } : schema.safeParse(arg);
    if (!checked.success) {
      const problem = checked.error.issues[0];
      const where = problem === undefined || problem.path.length === 0 ? '' : ` at ${problem.path.join('.')}`;
      post({
        id,
        kind: 'error',
        message: `The worker's "${method}" got a malformed request${where}: ${problem?.message ?? 'invalid'}.`,
      });
      return;
    }
    const handler = handlers[method] as Handlers<Api>[string];
    const context: CallContext<unknown> = {
      emit: (value, transfer = []) => post({ id, kind: 'event', event: value }, transfer),
      cancelled,
    };
    Promise.resolve()
      .then(() => handler(checked.data, context))
      .then(
        (result) =>
          result instanceof Moved
            ? post({ id, kind: 'result', value: result.value }, result.transfer)
            : post({ id, kind: 'result', value: result }),
        (error: unknown) => post({ id, kind: 'error', message: messageOf(error) }),
      );
  });
}

/** What the client needs of a worker: a port it can stop, and a way to hear that it failed. */
export interface WorkerLike extends Port {
  terminate(): void;
  onFailure(listener: (message: string) => void): void;
}

export function fromWorker(worker: Worker): WorkerLike {
  return {
    postMessage: (message, transfer) => worker.postMessage(message, transfer),
    addEventListener: (type, listener) => worker.addEventListener(type, listener),
    terminate: () => worker.terminate(),
    onFailure(listener) {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        listener(event.message || 'it could not start');
      });
      worker.addEventListener('messageerror', () => listener('a message could not be read'));
    },
  };
}

/**
 * The API served in this thread, as if by a worker: each message is delivered in a later task, in order.
 * Terminating it drops every later message and makes `cancelled()` true for calls still running.
 */
export function inThread<A extends Api>(handlers: Handlers<A>, args?: ArgSchemas<A>): WorkerLike {
  const toClient: ((event: MessageEvent) => void)[] = [];
  const toServer: ((event: MessageEvent) => void)[] = [];
  let stopped = false;
  const deliver = (listeners: ((event: MessageEvent) => void)[], data: unknown) =>
    setTimeout(() => {
      if (stopped) return;
      for (const listener of listeners) listener({ data } as MessageEvent);
    }, 0);
  serve(
    handlers,
    {
      postMessage: (message) => void deliver(toClient, message),
      addEventListener: (_type, listener) => void toServer.push(listener),
    },
    { args, cancelled: () => stopped },
  );
  return {
    postMessage: (message) => void deliver(toServer, message),
    addEventListener: (_type, listener) => void toClient.push(listener),
    terminate: () => {
      stopped = true;
    },
    onFailure: () => {},
  };
}

/**
 * The in-thread stand-in whose handlers are loaded on first call (a dynamic import), so that code which
 * normally runs in a worker stays out of the page's initial JS.
 */
export function inThreadLazy<A extends Api>(
  methods: readonly (keyof A & string)[],
  load: () => Promise<Handlers<A>>,
  args?: ArgSchemas<A>,
): WorkerLike {
  let loaded: Promise<Handlers<A>> | null = null;
  const handlers = Object.fromEntries(
    methods.map((method) => [
      method,
      async (arg: unknown, context: CallContext<unknown>) => {
        loaded ??= load();
        const handler = (await loaded)[method] as Handlers<Api>[string];
        return handler(arg, context);
      },
    ]),
  ) as unknown as Handlers<A>;
  return inThread(handlers, args);
}

export interface CallOptions<Event> {
  onEvent?: ((event: Event) => void) | undefined;
  signal?: AbortSignal | undefined;
  transfer?: Transferable[] | undefined;
}

export interface ActorOptions {
  /** Names the worker in failure messages ("The analysis worker stopped: …"). */
  name: string;
  /** The error a cancelled call rejects with. */
  cancelled: () => Error;
  /** Called when a worker is started, before the call that started it is posted to it. */
  onStart?: (() => void) | undefined;
  /** After a failure, reject every later call (true) or start a fresh worker on the next call (false). */
  failForever?: boolean | undefined;
}

export interface Actor<A extends Api> {
  call<K extends keyof A & string>(
    method: K,
    arg: A[K]['arg'],
    options?: CallOptions<A[K]['event']>,
  ): Promise<A[K]['result']>;
  /** Posts a call whose answer nobody waits for (ordered with the others). */
  send<K extends keyof A & string>(method: K, arg: A[K]['arg'], transfer?: Transferable[]): void;
  /** Stops the worker now: every pending call rejects as cancelled; the next call starts a fresh one. */
  cancel(): void;
  /** True while a worker is running. */
  running(): boolean;
  /** Starts the worker now, if none runs: its code loads while the page does other work. */
  start(): void;
  dispose(): void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onEvent?: ((event: unknown) => void) | undefined;
}

export function createActor<A extends Api>(start: () => WorkerLike, options: ActorOptions): Actor<A> {
  let worker: WorkerLike | null = null;
  let failure: string | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const rejectAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const ensure = (): WorkerLike => {
    if (worker !== null) return worker;
    const started = start();
    started.addEventListener('message', (event) => {
      const parsed = answerSchema.safeParse(event.data);
      if (!parsed.success) return;
      const answer = parsed.data;
      const entry = pending.get(answer.id);
      if (entry === undefined) return;
      if (answer.kind === 'event') {
        entry.onEvent?.(answer.event);
        return;
      }
      pending.delete(answer.id);
      if (answer.kind === 'result') entry.resolve(answer.value);
      else entry.reject(new Error(answer.message));
    });
    started.onFailure((message) => {
      if (worker !== started) return;
      const error = new Error(`The ${options.name} worker stopped: ${message}.`);
      if (options.failForever === true) failure = error.message;
      rejectAll(error);
      stop();
    });
    worker = started;
    options.onStart?.();
    return started;
  };
  const post = (method: string, arg: unknown, transfer: Transferable[], entry: Pending | null) => {
    const id = nextId++;
    if (entry !== null) pending.set(id, entry);
    const call: Call = { id, method, arg };
    ensure().postMessage(call, transfer);
    return id;
  };

  return {
    call(method, arg, callOptions = {}) {
      const { signal, onEvent, transfer = [] } = callOptions;
      if (failure !== null) return Promise.reject(new Error(failure));
      if (signal?.aborted === true) return Promise.reject(options.cancelled());
      return new Promise((resolve, reject) => {
        const id = post(method, arg, transfer, {
          resolve: resolve as (value: unknown) => void,
          reject,
          onEvent: onEvent as ((event: unknown) => void) | undefined,
        });
        signal?.addEventListener(
          'abort',
          () => {
            // A running call cannot be interrupted from outside its thread: stopping the worker is the way.
            if (!pending.has(id)) return;
            rejectAll(options.cancelled());
            stop();
          },
          { once: true },
        );
      });
    },
    send(method, arg, transfer = []) {
      if (failure === null) post(method, arg, transfer, null);
    },
    cancel() {
      rejectAll(options.cancelled());
      stop();
    },
    running: () => worker !== null,
    start: () => {
      if (failure === null) ensure();
    },
    dispose() {
      rejectAll(options.cancelled());
      failure = `The ${options.name} worker was closed.`;
      stop();
    },
  };
}

/**
 * The actor of a helper worker (one a worker starts for part of its own work), started on first use from a
 * Worker or anything WorkerLike (a Node thread in the bench).
 */
export function createHelperActor<A extends Api>(
  name: string,
  makeWorker: () => Worker | WorkerLike,
): Actor<A> {
  return createActor<A>(
    () => {
      const made = makeWorker();
      return 'onFailure' in made ? made : fromWorker(made);
    },
    { name, cancelled: () => new Error(`The ${name} was stopped.`) },
  );
}
