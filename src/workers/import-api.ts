// The import worker's methods, served in the worker (import.worker.ts) or in this thread. `run` reads the
// files and answers with the outcome, its records sent ahead as parts (events) of bounded cost; `canonical`
// then answers with the last run's canonical form, made after the answer so that the report shows first;
// `hold-kept-form` holds that work while the page draws its first picture (two cores are not enough for
// both), and lets it go on.
import type { ImportOutcome } from '../io/import/import-files.ts';
import type { PartParser } from '../io/link-split.ts';
import type { Api, Handlers, Method } from './actor.ts';
import { canonicalOf, runImport } from './import-engine.ts';
import { movable } from './kept-form.ts';
import { splitOutcome, transferOf } from './import-parts.ts';
import type { ImportPart } from './import-parts.ts';
import type { CanonicalBundle, ImportPhase, ImportRequest } from './import-protocol.ts';
import { nextMessageTurn, nextTask } from './sliced.ts';
import type { RecordsHost } from '../io/records/subaward-read.ts';

/** DuckDB-Wasm, loaded (34 MB) only when an import needs it. */
const openRecordsHost = async () => (await import('./records/duckdb-browser.ts')).openBrowserHost();

export type ImportEvent = { type: 'progress'; phase: ImportPhase; fraction: number } | ImportPart;

export interface ImportApi extends Api {
  run: Method<ImportRequest, ImportOutcome, ImportEvent>;
  canonical: Method<null, CanonicalBundle | null>;
  'hold-kept-form': Method<{ hold: boolean }, null>;
}

/** A hold that is never let go (a lost message) ends by itself after this long. */
const LONGEST_HOLD_MS = 15_000;

/** Progress is sent at most every 50 ms: an event per chunk of rows would flood the main thread. */
const THROTTLE_MS = 50;

/**
 * `parsePart`, where given, parses part of a big bundle's links on another core (see import-engine.ts);
 * `openHost` starts the records engine when a Subawards download is among the files.
 */
export function importHandlers(
  parsePart?: PartParser,
  openHost: () => Promise<RecordsHost> = openRecordsHost,
): Handlers<ImportApi> {
  let canonical: Promise<CanonicalBundle | null> = Promise.resolve(null);
  let held: { released: Promise<void>; release: () => void } | null = null;
  const letGo = () => {
    const was = held;
    held = null;
    was?.release();
  };
  // Between the kept form's steps: the messages that came meanwhile (a hold) are heard, and a hold kept.
  const between = async () => {
    await nextMessageTurn();
    while (held !== null) await held.released;
  };
  return {
    async run(request, { emit, cancelled }) {
      let last = 0;
      const outcome = await runImport(
        request,
        (phase, fraction) => {
          const now = performance.now();
          if (now - last < THROTTLE_MS && fraction < 1) return;
          last = now;
          emit({ type: 'progress', phase, fraction });
        },
        cancelled,
        parsePart,
        openHost,
      );
      const { parts, result } = splitOutcome(0, outcome);
      for (const part of parts) emit(part, transferOf(part));
      // Made a task later, after the answer is sent (seconds for a big bundle). A failure loses only the
      // ready-made form: keeping the dataset then makes its own.
      canonical = nextTask().then(() => canonicalOf(outcome, between).catch(() => null));
      return result.outcome;
    },
    async canonical() {
      const made = await canonical;
      return made === null ? null : movable(made);
    },
    'hold-kept-form': ({ hold }) => {
      if (!hold) letGo();
      else if (held === null) {
        let release = () => {};
        const released = new Promise<void>((resolve) => (release = resolve));
        const timer = setTimeout(letGo, LONGEST_HOLD_MS);
        held = {
          released,
          release: () => {
            clearTimeout(timer);
            release();
          },
        };
      }
      return null;
    },
  };
}
