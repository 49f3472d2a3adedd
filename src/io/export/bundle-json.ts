// The canonical bundle JSON: the lossless export of a bundle, and the text its content hash is taken of.
// Keys come out in a fixed order and absent optional fields are left out, so equal bundles give equal bytes.
import type { Bundle, BundleMeta, Capability, Link, Need, Organization, Region } from '../../domain/model.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, ORGANIZATION_FIELDS } from '../../domain/model.ts';
import { runToEnd } from '../../domain/steps.ts';

/** The keys of `T`, in output order; the type check below fails when the model gains a field not listed. */
type KeyList<T> = readonly (keyof T & string)[];
type Missing<T, K extends KeyList<T>> = Exclude<keyof T, K[number]>;

const META_KEYS = [
  'id',
  'title',
  'description',
  'source',
  'license',
  'asOf',
  'synthetic',
  'homeRegion',
  'dod',
  'linksByFiscalYear',
  'sharing',
] as const satisfies KeyList<BundleMeta>;
const ORGANIZATION_KEYS = ORGANIZATION_FIELDS satisfies KeyList<Organization>;
const NEED_KEYS = ['capability', 'annualValue'] as const satisfies KeyList<Need>;
const LINK_KEYS = [
  'source',
  'target',
  'kind',
  'capability',
  'value',
  'year',
] as const satisfies KeyList<Link>;
const CAPABILITY_KEYS = ['id', 'label', 'naics'] as const satisfies KeyList<Capability>;
const REGION_KEYS = [
  'id',
  'name',
  'program',
  'counties',
  'focus',
  'lead',
  'designated',
  'source',
] as const satisfies KeyList<Region>;

// A field added to the model without being added above would silently vanish from exports: make it a
// compile error instead.
const complete: [
  Missing<BundleMeta, typeof META_KEYS>,
  Missing<Organization, typeof ORGANIZATION_KEYS>,
  Missing<Need, typeof NEED_KEYS>,
  Missing<Link, typeof LINK_KEYS>,
  Missing<Capability, typeof CAPABILITY_KEYS>,
  Missing<Region, typeof REGION_KEYS>,
] extends [never, never, never, never, never, never]
  ? true
  : false = true;
void complete;

/**
 * A copy of `record` with only `keys`, in that order, leaving out undefined values. Only the model's own
 * fields are copied, so a stray run-time property (or an "__proto__" key) never reaches the output.
 */
function ordered<T extends object>(record: T, keys: KeyList<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function canonicalMeta(meta: BundleMeta): Record<string, unknown> {
  return ordered(meta, META_KEYS);
}

/** The organization as plain JSON-ready data in canonical key order (also used for GeoJSON properties). */
export function canonicalOrganization(org: Organization): Record<string, unknown> {
  const out = ordered(org, ORGANIZATION_KEYS);
  out.needs = org.needs.map((need) => ordered(need, NEED_KEYS));
  return out;
}

export function canonicalLink(link: Link): Record<string, unknown> {
  return ordered(link, LINK_KEYS);
}

/**
 * `JSON.stringify(canonicalLink(link))`, without the copy when the link already has only model fields in the
 * canonical order (as loaded links nearly always do): a big bundle has a million links, and copying each
 * only to serialize it took as long as the serializing. A test holds the two equal.
 */
export function canonicalLinkJson(link: Link): string {
  let next = 0;
  for (const key in link) {
    while (next < LINK_KEYS.length && LINK_KEYS[next] !== key) next++;
    // A key out of order or a stray key (one JSON.stringify would write, or a toJSON it would call): copy.
    if (next === LINK_KEYS.length) return JSON.stringify(canonicalLink(link));
    next++;
  }
  return JSON.stringify(link);
}

/** Records per piece of the text: pieces of about a megabyte, each encoded on its own. */
const RECORDS_PER_PIECE = 8_192;

/** The list `name` of `items`, one record per line, as pieces of text that follow one another. */
function* records<T>(name: string, items: readonly T[], toJson: (item: T) => string): Generator<string> {
  if (items.length === 0) {
    yield `"${name}":[]`;
    return;
  }
  yield `"${name}":[\n`;
  for (let start = 0; start < items.length; start += RECORDS_PER_PIECE) {
    const piece = items
      .slice(start, start + RECORDS_PER_PIECE)
      .map(toJson)
      .join(',\n');
    yield start === 0 ? piece : `,\n${piece}`;
  }
  yield '\n]';
}

const json =
  <T>(canonical: (item: T) => unknown) =>
  (item: T): string =>
    JSON.stringify(canonical(item));

/** The export's text as pieces (joined, they are exportBundleJson's text). */
function* exportPieces(bundle: Bundle): Generator<string> {
  yield `{"format":${JSON.stringify(BUNDLE_FORMAT)},\n`;
  yield `"version":${JSON.stringify(BUNDLE_VERSION)},\n`;
  yield `"meta":${JSON.stringify(canonicalMeta(bundle.meta))},\n`;
  yield* records('organizations', bundle.organizations, json(canonicalOrganization));
  yield ',\n';
  yield* records('links', bundle.links, canonicalLinkJson);
  yield ',\n';
  yield* records(
    'capabilities',
    bundle.capabilities,
    json((c: Capability) => ordered(c, CAPABILITY_KEYS)),
  );
  yield ',\n';
  yield* records(
    'regions',
    bundle.regions,
    json((r: Region) => ordered(r, REGION_KEYS)),
  );
  yield '}\n';
}

/**
 * The bundle as JSON text, one record per line: about as small as compact JSON (2-space indentation
 * roughly doubles a big bundle, whose records are short and many), yet it diffs and greps line by line,
 * and it is the layout of the shipped samples. Records keep their order. Ends with a newline.
 */
export function exportBundleJson(bundle: Bundle): string {
  return [...exportPieces(bundle)].join('');
}

/**
 * The text a bundle's content hash is taken of: exactly its export, so a file saved from Forgemap hashes
 * to the same `h:` permalink id when it is opened again. Changing this layout changes every hash, which
 * breaks links to datasets kept on users' devices: do it only with a permalink codec version bump.
 */
export function canonicalBundleText(bundle: Bundle): string {
  return exportBundleJson(bundle);
}

/**
 * The canonical text's UTF-8 bytes (what the hash is taken of), encoded a piece at a time: the text of a big bundle is never
 * made whole (in Chromium, encoding a 140 MB string took seconds, a multiple of encoding its pieces).
 */
export function canonicalBundleBytes(bundle: Bundle): Uint8Array<ArrayBuffer> {
  return runToEnd(canonicalBytesSteps(bundle));
}

/** canonicalBundleBytes as steps: it yields after each piece (a thread that must answer meanwhile). */
export function* canonicalBytesSteps(bundle: Bundle): Generator<void, Uint8Array<ArrayBuffer>, void> {
  const encoder = new TextEncoder();
  let out = new Uint8Array(1 << 16);
  let at = 0;
  for (const piece of exportPieces(bundle)) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const room = at + piece.length * 3;
    if (room > out.length) {
      const grown = new Uint8Array(Math.max(room, out.length * 2));
      grown.set(out.subarray(0, at));
      out = grown;
    }
    at += encoder.encodeInto(piece, out.subarray(at)).written;
    yield;
  }
  return out.subarray(0, at);
}

/** First 16 hex digits of the SHA-256 of the canonical text (Web Crypto: browsers and Node ≥ 20). */
export async function bundleHash(bundle: Bundle): Promise<string> {
  return contentHash(canonicalBundleBytes(bundle));
}

/** First 16 hex digits of the SHA-256 of `bytes`: the `h:` id of a canonical bundle text. */
export async function contentHash(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (let i = 0; i < 8; i++) hex += digest[i]!.toString(16).padStart(2, '0');
  return hex;
}
