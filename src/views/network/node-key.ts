// Node keys of the render graph. graphology keeps each node's neighbours in plain objects keyed by node key,
// so an organization id such as "__proto__", "constructor" or "toString" would corrupt its adjacency (or
// Object.prototype). Such ids get a one-character prefix; every other id is its own key. Pure, reversible.

const ESCAPE = '\u0001';

/** The render-graph key of an organization id. */
export function nodeKey(orgId: string): string {
  return orgId in Object.prototype || orgId.startsWith(ESCAPE) ? `${ESCAPE}${orgId}` : orgId;
}

/** The organization id of a render-graph key (the inverse of nodeKey). */
export function orgIdOf(key: string): string {
  return key.startsWith(ESCAPE) ? key.slice(1) : key;
}
