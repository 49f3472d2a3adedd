// A big bundle's text → Bundle on two cores: a helper parses the last part of the links (link-split.ts) while
// this thread parses and checks the rest; the helper's links join before the references are checked. The
// result equals loadBundle(JSON.parse(text)), issues and their order included.
import type { Bundle } from '../domain/model.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../domain/model.ts';
import type { Result } from '../domain/issues.ts';
import type { LoadOptions } from './load-bundle.ts';
import { loadBundle, startBundleLoad } from './load-bundle.ts';
import type { PartParser, PartResult } from './link-split.ts';
import { HELPER_SHARE, planLinkSplit } from './link-split.ts';
import { isPlainObject } from './migrate.ts';

export interface SplitLoad {
  loaded: Result<Bundle>;
  /** Records in the file's lists, before any was rejected (the import report counts rows from these). */
  organizations: number;
  links: number;
}

/**
 * Loads `text` as a bundle with `parsePart` parsing part of its links, or answers null when that does not
 * apply: the text is small, is not a current-version bundle, has no links to split or does not parse (the
 * caller then reads it the ordinary way, which also explains a syntax error).
 */
export interface SplitTuning {
  /** Share of the links the helper parses (default HELPER_SHARE). */
  share?: number;
  /** Smallest text split (default SPLIT_MIN_CHARS; tests use small bundles). */
  minChars?: number;
}

export async function loadBundleSplit(
  text: string,
  parsePart: PartParser,
  options: LoadOptions = {},
  tuning: SplitTuning = {},
): Promise<SplitLoad | null> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.slice(0, 4096).includes(BUNDLE_FORMAT)) return null;
  const split = planLinkSplit(body, tuning.share ?? HELPER_SHARE, tuning.minChars);
  if (split === null) return null;
  const pending = parsePart(split.part).catch((error: unknown): PartResult => ({
    ok: false,
    reason: String(error),
  }));
  let head: unknown;
  try {
    head = JSON.parse(split.head) as unknown;
  } catch {
    return null;
  }
  if (!isPlainObject(head) || head.format !== BUNDLE_FORMAT || head.version !== BUNDLE_VERSION) return null;
  const links = head.links;
  const organizations = Array.isArray(head.organizations) ? head.organizations.length : 0;
  if (!Array.isArray(links) || links[links.length - 1] !== split.sentinel) return null;
  // The sentinel is the last element of the top-level links and occurs once in the text: the part stood
  // exactly there, so the file is `head` with the part's links in place of the sentinel.
  links.pop();
  const load = startBundleLoad(head, options);
  const part = await pending;
  if (!part.ok) {
    // An irregular link in the part (an unknown field, a value out of range…) or a part that is not a list
    // of values after all: the ordinary way reads and explains it.
    let whole: unknown;
    try {
      whole = JSON.parse(body) as unknown;
    } catch {
      return null;
    }
    return {
      loaded: loadBundle(whole, options),
      organizations: lengthOf(whole, 'organizations'),
      links: lengthOf(whole, 'links'),
    };
  }
  load.addLinks(part.columns);
  return { loaded: load.finish(), organizations, links: links.length + part.columns.count };
}

function lengthOf(doc: unknown, key: string): number {
  const list: unknown = isPlainObject(doc) ? doc[key] : undefined;
  return Array.isArray(list) ? list.length : 0;
}
