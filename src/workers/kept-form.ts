// The form a bundle is kept in on this device, made where the bundle is (the import and records workers): its
// content hash (of the canonical text, the `h:` id), the text's size, and its columns (io/columnar.ts).
import type { Bundle } from '../domain/model.ts';
import { columnarSteps } from '../io/columnar.ts';
import { canonicalBytesSteps, contentHash } from '../io/export/bundle-json.ts';
import { Moved } from './actor.ts';
import type { CanonicalBundle } from './import-protocol.ts';
import { CANONICAL_BLOB_BYTES } from './import-protocol.ts';
import { runToEnd } from '../domain/steps.ts';

/**
 * Big columns come as a Blob: it crosses to the main thread by reference and IndexedDB writes it without
 * blocking, while bytes would be copied there. With `between`, it is awaited after each small step (a
 * piece of the text, a field's columns): the worker can hear messages meanwhile, and be held.
 */
export async function keptForm(bundle: Bundle, between?: () => Promise<void>): Promise<CanonicalBundle> {
  const text = await paced(canonicalBytesSteps(bundle), between);
  const columns = await paced(columnarSteps(bundle), between);
  return {
    hash: await contentHash(text),
    size: text.byteLength,
    columns: columns.byteLength >= CANONICAL_BLOB_BYTES ? new Blob([columns]) : columns,
  };
}

async function paced<T>(steps: Generator<void, T, void>, between?: () => Promise<void>): Promise<T> {
  if (between === undefined) return runToEnd(steps);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await between();
  }
}

/** The kept form as a message: small columns moved rather than copied. */
export function movable(made: CanonicalBundle): CanonicalBundle | Moved<CanonicalBundle> {
  return made.columns instanceof Blob ? made : new Moved(made, [made.columns.buffer]);
}
