// The form a bundle is kept in on this device, made where the bundle is (the import and records workers): its
// content hash (of the canonical text, the `h:` id), the text's size, and its columns (io/columnar.ts).
import type { Bundle } from '../domain/model.ts';
import { writeColumnar } from '../io/columnar.ts';
import { canonicalBundleBytes, contentHash } from '../io/export/bundle-json.ts';
import { Moved } from './actor.ts';
import type { CanonicalBundle } from './import-protocol.ts';
import { CANONICAL_BLOB_BYTES } from './import-protocol.ts';

/**
 * Big columns come as a Blob: it crosses to the main thread by reference and IndexedDB writes it without
 * blocking, while bytes would be copied there.
 */
export async function keptForm(bundle: Bundle): Promise<CanonicalBundle> {
  const text = canonicalBundleBytes(bundle);
  const columns = writeColumnar(bundle);
  return {
    hash: await contentHash(text),
    size: text.byteLength,
    columns: columns.byteLength >= CANONICAL_BLOB_BYTES ? new Blob([columns]) : columns,
  };
}

/** The kept form as a message: small columns moved rather than copied. */
export function movable(made: CanonicalBundle): CanonicalBundle | Moved<CanonicalBundle> {
  return made.columns instanceof Blob ? made : new Moved(made, [made.columns.buffer]);
}
