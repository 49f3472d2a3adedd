// Small bundles carried inside a permalink (`#/z:<payload>/…`): the canonical bundle text, deflate-raw
// compressed with the platform's CompressionStream and written in base64url. Decoding is bounded, so a
// hostile link (a "zip bomb", garbage, a truncated payload) gives a clear message instead of a frozen tab.
import type { Result } from '../domain/issues.ts';

/** Links embed bundles up to this size compressed (DESIGN.md §4: ≤ 24 KB). */
export const MAX_EMBEDDED_BYTES = 24 * 1024;
/** An embedded bundle may not inflate beyond this: 24 KB of deflate rarely exceeds 1 MB of JSON. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Null when `text` is not base64url (A–Z, a–z, 0–9, -, _; no padding needed). */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | 'too-big'> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return 'too-big';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  limit: number,
) {
  const writer = transform.writable.getWriter();
  // Errors surface on the readable side; the writer's own promises must not go unhandled.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  return readAll(transform.readable, limit);
}

/** The compressed, base64url payload of `text`, and its compressed size in bytes. */
export async function encodeEmbedded(text: string): Promise<{ payload: string; bytes: number }> {
  const compressed = await pipe(
    new TextEncoder().encode(text),
    new CompressionStream('deflate-raw'),
    Number.POSITIVE_INFINITY,
  );
  if (compressed === 'too-big') throw new Error('unreachable: compression has no limit');
  return { payload: toBase64Url(compressed), bytes: compressed.byteLength };
}

/** The text of a `z:` payload; never throws. */
export async function decodeEmbedded(
  payload: string,
  limit: number = MAX_INFLATED_BYTES,
): Promise<Result<string>> {
  const fail = (message: string): Result<string> => ({
    value: null,
    issues: [{ severity: 'error', path: 'link', message }],
  });
  const bytes = fromBase64Url(payload);
  if (bytes === null || bytes.length === 0)
    return fail('The dataset embedded in this link is damaged: it is not valid base64url text.');
  if (bytes.length > MAX_EMBEDDED_BYTES * 2)
    return fail(
      `The dataset embedded in this link is ${Math.round(bytes.length / 1024)} KB compressed; links carry at most ${MAX_EMBEDDED_BYTES / 1024} KB.`,
    );
  let inflated: Uint8Array | 'too-big';
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), limit);
  } catch {
    return fail(
      'The dataset embedded in this link is damaged: it does not decompress (the link may have been cut short when it was copied).',
    );
  }
  if (inflated === 'too-big')
    return fail(
      `The dataset embedded in this link unpacks to more than ${Math.round(limit / 1024 / 1024)} MB, more than a link may carry; it was not opened.`,
    );
  try {
    return { value: new TextDecoder('utf-8', { fatal: true }).decode(inflated), issues: [] };
  } catch {
    return fail('The dataset embedded in this link is damaged: it is not UTF-8 text.');
  }
}
