// Reads a GEXF file in one pass of a streaming XML parser (saxes), without building an XML DOM: nodes and
// edges in document order with their attributes, as graphology-gexf's parser gives them (the same attribute
// names, value types, defaults and viz: fields; its own value parser types the values). Building xmldom's DOM
// and reading it back through live node lists took 0.4–0.8 s for a 1,000-node file in a cold worker; this
// takes a fraction of it. tests: gexf-reader.test.ts compares both readers on the same files.
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
// @ts-expect-error: graphology-gexf ships no types for its helpers (a CommonJS module).
import { parseValue as gexfValue } from 'graphology-gexf/common/helpers.js';

type Attributes = Record<string, unknown>;

export interface GexfNode {
  key: string;
  attributes: Attributes;
}

export interface GexfEdge {
  /** The edge's id, or null when it has none. */
  key: string | null;
  source: string;
  target: string;
  undirected: boolean;
  attributes: Attributes;
}

export interface GexfGraph {
  /** The name of the root element, without its prefix ("gexf" for a GEXF file). */
  root: string;
  /** `<meta lastmodifieddate="…">`, when given. */
  lastModifiedDate?: string;
  /** Every `<node>` element, in document order (repeated ids included). */
  nodes: GexfNode[];
  /** Every `<edge>` element, in document order (see mergeRepeatedIds). */
  edges: GexfEdge[];
}

/** The XML is not well formed; the message says what and where (line:column). */
export class GexfReadError extends Error {}

const parseValue = gexfValue as (type: string, value: string | null) => unknown;

interface Declared {
  id: string;
  type: string;
  title: string;
  /** The text of its `<default>`, if it has one. */
  fallback?: string;
}

/** A `<node>` or `<edge>` being read: what its element and its descendants said. */
interface Open {
  attributes: Record<string, string>;
  values: [string, string | null][];
  /** viz:color, viz:size, … and the unprefixed color, size, … (the first of each in the subtree). */
  viz: Map<string, Record<string, string>>;
  done: (attributes: Attributes) => void;
}

const VIZ = new Set(['color', 'size', 'position', 'shape', 'thickness']);

/** A model entry's key: its title for a numeric id (Gephi's "0", "1", …), else its id (graphology's rule). */
function titleOf(id: string, title: string | undefined): string {
  return Number.isNaN(Number(id)) ? id : title || id;
}

export function readGexf(text: string): GexfGraph {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const out: GexfGraph = { root: '', nodes: [], edges: [] };
  const models: Record<'node' | 'edge', Declared[]> = { node: [], edge: [] };
  let modelClass: 'node' | 'edge' | null = null;
  let attribute: Declared | null = null;
  let inDefault: string[] | null = null;
  let defaultEdgeType: string | null = null;
  let metaSeen = false;
  const open: Open[] = [];
  /** Each edge's own `type` attribute (resolved against the graph's default once the file is read). */
  const edgeTypes = new Map<GexfEdge, string | undefined>();
  // Values are typed once the whole file is read (a model may follow the items it describes).
  const pending: { open: Open; kind: 'node' | 'edge' }[] = [];
  let depth = 0;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++;
    const name = tag.name;
    const attrs = tag.attributes as Record<string, string>;
    if (depth === 1) out.root = name.replace(/^.*:/, '').toLowerCase();
    if (name === 'graph' && defaultEdgeType === null) defaultEdgeType = attrs['defaultedgetype'] ?? '';
    else if (name === 'meta' && !metaSeen) {
      metaSeen = true;
      if (attrs['lastmodifieddate']) out.lastModifiedDate = attrs['lastmodifieddate'];
    } else if (name === 'attributes') {
      const kind = attrs['class'];
      modelClass = kind === 'node' || kind === 'edge' ? kind : null;
      // The last <attributes> of a class is its model.
      if (modelClass !== null) models[modelClass] = [];
    } else if (name === 'attribute' && modelClass !== null) {
      const id = attrs['id'] || attrs['for'] || '';
      attribute = { id, type: attrs['type'] || 'string', title: titleOf(id, attrs['title']) };
      models[modelClass].push(attribute);
    } else if (name === 'default' && attribute !== null && attribute.fallback === undefined) {
      inDefault = [];
    } else if (name === 'node' || name === 'edge') {
      const item: Open = { attributes: attrs, values: [], viz: new Map(), done: () => undefined };
      if (name === 'node') {
        const node: GexfNode = { key: attrs['id'] ?? '', attributes: {} };
        out.nodes.push(node);
        item.done = (attributes) => (node.attributes = attributes);
      } else {
        const edge: GexfEdge = {
          key: attrs['id'] || null,
          source: attrs['source'] ?? '',
          target: attrs['target'] ?? '',
          undirected: false,
          attributes: {},
        };
        out.edges.push(edge);
        edgeTypes.set(edge, attrs['type']);
        item.done = (attributes) => (edge.attributes = attributes);
      }
      open.push(item);
      pending.push({ open: item, kind: name });
    } else if (name === 'attvalue') {
      // As graphology-gexf reads them: every attvalue among an item's descendants.
      const id = attrs['id'] || attrs['for'] || '';
      for (const item of open) item.values.push([id, attrs['value'] ?? null]);
    } else if (open.length > 0) {
      const bare = name.startsWith('viz:') ? name.slice(4) : name;
      if (VIZ.has(bare)) {
        for (const item of open) if (!item.viz.has(name)) item.viz.set(name, attrs);
      }
    }
  });
  parser.on('text', (chunk) => inDefault?.push(chunk));
  parser.on('closetag', (tag) => {
    depth--;
    const name = tag.name;
    if (name === 'node' || name === 'edge') open.pop();
    else if (name === 'attribute') attribute = null;
    else if (name === 'attributes') modelClass = null;
    else if (name === 'default' && inDefault !== null) {
      if (attribute !== null) attribute.fallback = inDefault.join('');
      inDefault = null;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    throw new GexfReadError(error instanceof Error ? error.message : String(error));
  }

  const edgeType = (type: string | undefined) => {
    const t = type || defaultEdgeType || 'undirected';
    return t === 'mutual' ? 'undirected' : t;
  };
  const byClass = {
    node: modelOf(models.node),
    edge: modelOf(models.edge),
  };
  for (const { open: item, kind } of pending) item.done(attributesOf(item, byClass[kind]));
  for (const edge of out.edges) edge.undirected = edgeType(edgeTypes.get(edge)) !== 'directed';
  return out;
}

interface Model {
  byId: Map<string, Declared>;
  defaults: Attributes;
}

function modelOf(declared: readonly Declared[]): Model {
  const byId = new Map<string, Declared>();
  const defaults: Attributes = {};
  for (const entry of declared) {
    byId.set(entry.id, entry);
    if (entry.fallback !== undefined) defaults[entry.title] = parseValue(entry.type, entry.fallback);
  }
  return { byId, defaults };
}

function vizColor(attrs: Record<string, string>): string {
  if (attrs['hex']) return attrs['hex'];
  const { r, g, b, a } = attrs;
  return a ? `rgba(${r},${g},${b},${a})` : `rgb(${r},${g},${b})`;
}

/** An item's attributes, by graphology-gexf's rules (its collectAttributes). */
function attributesOf(item: Open, model: Model): Attributes {
  // A plain object, as graphology's: an attribute called "__proto__" is not an own key either way.
  const data: Attributes = {};
  const { label, weight, kind } = item.attributes;
  if (label) data['label'] = label;
  if (weight) data['weight'] = Number(weight);
  if (kind) data['kind'] = kind;
  for (const [id, value] of item.values) {
    const declared = model.byId.get(id);
    data[declared?.title ?? id] = parseValue(declared?.type ?? 'string', value);
  }
  for (const key in model.defaults) if (!(key in data)) data[key] = model.defaults[key];
  const viz = (name: string) => item.viz.get(`viz:${name}`) ?? item.viz.get(name);
  const color = viz('color');
  if (color !== undefined) data['color'] = vizColor(color);
  const size = viz('size');
  if (size !== undefined) data['size'] = Number(size['value']);
  const position = viz('position');
  if (position !== undefined) {
    for (const axis of ['x', 'y', 'z']) if (position[axis]) data[axis] = Number(position[axis]);
  }
  const shape = viz('shape');
  if (shape !== undefined) data['shape'] = shape['value'];
  const thickness = viz('thickness');
  if (thickness !== undefined) data['thickness'] = Number(thickness['value']);
  return data;
}

/**
 * An edge that repeats an earlier edge's id is merged into it (its attributes added), as graphology merges
 * them; with other ends, or another direction, the file is not a graph (throws).
 */
export function mergeRepeatedIds(edges: readonly GexfEdge[]): GexfEdge[] {
  const byKey = new Map<string, GexfEdge>();
  const out: GexfEdge[] = [];
  for (const edge of edges) {
    const first = edge.key === null ? undefined : byKey.get(edge.key);
    if (first === undefined) {
      if (edge.key !== null) byKey.set(edge.key, edge);
      out.push(edge);
      continue;
    }
    const same = first.source === edge.source && first.target === edge.target;
    const swapped = edge.undirected && first.source === edge.target && first.target === edge.source;
    if (first.undirected !== edge.undirected || (!same && !swapped)) {
      throw new Error(
        `edge id "${edge.key}" names two different edges (${first.source} → ${first.target}, ${edge.source} → ${edge.target})`,
      );
    }
    Object.assign(first.attributes, edge.attributes);
  }
  return out;
}
