// GraphML as editors write it, made into the plain GraphML that graphology's reader takes: yEd's keys for
// ports and the document (`for="port"`, `for="graphml"`) and its drawing keys (`yfiles.type`) are dropped,
// a node's yEd label and position become `label`, `x` and `y` data, and group nodes (nested graphs) are
// flattened. What was changed is returned so that the import report can say it.

const GRAPH_KEY_TARGETS = new Set(['node', 'edge', 'graph']);
const YED_LABEL_KEY = 'forgemap-yed-label';
const YED_X_KEY = 'forgemap-yed-x';
const YED_Y_KEY = 'forgemap-yed-y';

export interface GraphmlChanges {
  /** Group nodes whose members were lifted into the graph; `dropped` of them were not organizations. */
  readonly groups: number;
  readonly droppedGroups: number;
  /** The first group's label, to name in the note. */
  readonly firstGroupLabel: string | null;
  /** Nodes whose name and position came from yEd's drawing data. */
  readonly yedLabels: number;
  /** Keys for ports, the document or drawing that carry no organization or link field. */
  readonly droppedKeys: number;
}

function children(element: Element, tag: string): Element[] {
  const out: Element[] = [];
  for (let child = element.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 1 && localName(child as Element) === tag) out.push(child as Element);
  }
  return out;
}

function localName(element: Element): string {
  return (element.localName ?? element.tagName).replace(/^.*:/, '').toLowerCase();
}

/** Descendants by local name, whatever their prefix (yEd writes `y:NodeLabel`). */
function descendants(element: Element, tag: string): Element[] {
  const out: Element[] = [];
  const all = element.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const found = all[i]!;
    if (localName(found) === tag) out.push(found);
  }
  return out;
}

function addKey(doc: Document, root: Element, id: string, target: string, name: string, type: string): void {
  const key = doc.createElement('key');
  key.setAttribute('id', id);
  key.setAttribute('for', target);
  key.setAttribute('attr.name', name);
  key.setAttribute('attr.type', type);
  root.insertBefore(key, root.firstChild);
}

function addData(doc: Document, owner: Element, key: string, value: string): void {
  const data = doc.createElement('data');
  data.setAttribute('key', key);
  data.appendChild(doc.createTextNode(value));
  owner.insertBefore(data, owner.firstChild);
}

/** The label and the centre of a node's active yEd realizer, if its drawing data has them. */
function yedNodeDrawing(data: Element): { label: string | null; x: number; y: number } | null {
  const realizers = descendants(data, 'realizers')[0];
  const active = Number(realizers?.getAttribute('active') ?? '0');
  const shape =
    realizers === undefined
      ? data
      : (Array.from(realizers.childNodes).filter((n) => n.nodeType === 1)[active] as Element | undefined);
  if (shape === undefined) return null;
  const label = descendants(shape, 'nodelabel')
    .map((element) => (element.textContent ?? '').trim())
    .find((text) => text !== '');
  const geometry = descendants(shape, 'geometry')[0];
  const read = (name: string) => Number(geometry?.getAttribute(name) ?? Number.NaN);
  const [x, y, width, height] = [read('x'), read('y'), read('width'), read('height')];
  return { label: label ?? null, x: x + (width || 0) / 2, y: y + (height || 0) / 2 };
}

/** Rewrites `doc` in place (see the file's opening lines) and says what it changed. */
export function normalizeGraphml(doc: Document): GraphmlChanges {
  const root = doc.documentElement;
  let droppedKeys = 0;
  const dropKeys = new Set<string>();
  let nodeGraphics: string | null = null;
  const namedNodeKeys = new Set<string>();
  for (const key of children(root, 'key')) {
    const id = key.getAttribute('id') ?? '';
    // xmldom answers '' for an attribute that is not there, browsers null: test with hasAttribute.
    const target = (key.getAttribute('for') || 'node').toLowerCase();
    const yfiles = key.hasAttribute('yfiles.type') ? key.getAttribute('yfiles.type') : null;
    if (yfiles === 'nodegraphics' && target === 'node') nodeGraphics = id;
    if (yfiles !== null || (!GRAPH_KEY_TARGETS.has(target) && target !== 'all')) {
      dropKeys.add(id);
      root.removeChild(key);
      droppedKeys++;
      continue;
    }
    // A key without a name would become an attribute called "undefined".
    if (!key.hasAttribute('attr.name')) key.setAttribute('attr.name', id);
    if (target === 'node' || target === 'all')
      namedNodeKeys.add(key.getAttribute('attr.name')!.toLowerCase());
    if (target === 'all') {
      key.setAttribute('for', 'node');
      for (const other of ['edge', 'graph']) {
        const copy = key.cloneNode(true) as Element;
        copy.setAttribute('for', other);
        root.insertBefore(copy, key);
      }
    }
  }

  // Ports are points on a node's outline: nothing of a firm.
  for (const port of descendants(root, 'port')) port.parentNode?.removeChild(port);

  const labelled = !namedNodeKeys.has('label') && !namedNodeKeys.has('name');
  const placed = !namedNodeKeys.has('x') && !namedNodeKeys.has('y');
  for (const node of descendants(root, 'node')) {
    for (const data of children(node, 'data')) {
      const key = data.getAttribute('key') ?? '';
      if (key === nodeGraphics) {
        const drawing = yedNodeDrawing(data);
        if (drawing !== null) {
          if (labelled && drawing.label !== null) {
            addData(doc, node, YED_LABEL_KEY, drawing.label);
          }
          if (placed && Number.isFinite(drawing.x) && Number.isFinite(drawing.y)) {
            addData(doc, node, YED_X_KEY, String(drawing.x));
            // yEd's y grows downwards; the network view's grows upwards.
            addData(doc, node, YED_Y_KEY, String(-drawing.y));
          }
        }
      }
      if (dropKeys.has(key)) node.removeChild(data);
    }
  }
  for (const data of descendants(root, 'data')) {
    if (dropKeys.has(data.getAttribute('key') ?? '')) data.parentNode?.removeChild(data);
  }
  if (nodeGraphics !== null) {
    if (labelled) addKey(doc, root, YED_LABEL_KEY, 'node', 'label', 'string');
    if (placed) {
      addKey(doc, root, YED_X_KEY, 'node', 'x', 'double');
      addKey(doc, root, YED_Y_KEY, 'node', 'y', 'double');
    }
  }

  const flattened = flattenGroups(root);
  // Only the nodes that stay count: a removed group's label names no organization.
  const yedLabels = descendants(root, 'node').filter((node) =>
    children(node, 'data').some((data) => data.getAttribute('key') === YED_LABEL_KEY),
  ).length;
  return { ...flattened, yedLabels, droppedKeys };
}

/**
 * Lifts the nodes and edges of every nested graph to just after its group node, in document order. A group
 * that an edge names stays as an organization; the others are removed (a yEd group is a box, not a firm).
 */
function flattenGroups(root: Element): Pick<GraphmlChanges, 'groups' | 'droppedGroups' | 'firstGroupLabel'> {
  const groups: Element[] = [];
  let firstGroupLabel: string | null = null;
  for (;;) {
    const group = descendants(root, 'node').find((node) => children(node, 'graph').length > 0);
    if (group === undefined) break;
    groups.push(group);
    if (firstGroupLabel === null) {
      const label = children(group, 'data').find((data) => data.getAttribute('key') === YED_LABEL_KEY);
      firstGroupLabel = label?.textContent ?? group.getAttribute('id');
    }
    let after: Node = group;
    for (const inner of children(group, 'graph')) {
      for (const item of [...children(inner, 'node'), ...children(inner, 'edge')]) {
        group.parentNode!.insertBefore(item, after.nextSibling);
        after = item;
      }
      group.removeChild(inner);
    }
  }
  const linked = new Set<string>();
  for (const edge of descendants(root, 'edge')) {
    linked.add(edge.getAttribute('source') ?? '');
    linked.add(edge.getAttribute('target') ?? '');
  }
  let droppedGroups = 0;
  for (const group of groups) {
    if (linked.has(group.getAttribute('id') ?? '')) continue;
    group.parentNode?.removeChild(group);
    droppedGroups++;
  }
  return { groups: groups.length, droppedGroups, firstGroupLabel };
}
