// GEXF and GraphML networks → organizations and links: GEXF through a streaming reader (gexf-reader.ts),
// GraphML through graphology's parser on an XML DOM from @xmldom/xmldom (Web Workers and Node have no
// DOMParser of their own). Node attributes whose
// names match a field are mapped to it; layout positions (viz:position, x/y) are kept on the side.
import xmldom from '@xmldom/xmldom';
import Graph from 'graphology';
import graphml from 'graphology-graphml';
import type { OrgId } from '../../domain/ids.ts';
import type { ColumnMapping, LinkField, OrganizationField } from './column-mapping.ts';
import { autoDetectMapping, unknownMappedColumns } from './column-mapping.ts';
import { PROGRESS_EVERY } from './context.ts';
import type { ImportContext } from './context.ts';
import { MAX_ROWS } from './limits.ts';
import { noteMissingLinkFields, noteMissingOrganizationFields } from './missing-fields.ts';
import { readLink } from './read-link.ts';
import { addOrganization, readOrganization } from './read-organization.ts';
import type { RowSource } from './read-organization.ts';
import type { FileLog } from './report.ts';
import { normalizeGraphml } from './graphml-dialects.ts';
import { mergeRepeatedIds, readGexf } from './gexf-reader.ts';
import type { GexfEdge, GexfGraph, GexfNode } from './gexf-reader.ts';
import type { GraphmlChanges } from './graphml-dialects.ts';

type Attributes = Record<string, unknown>;

function cellText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => cellText(v) ?? '').join('; ');
  return undefined;
}

/** Own attribute names only: a node attribute called "constructor" or "__proto__" is data, not a key. */
function own(attributes: Attributes, key: string | null): unknown {
  if (key === null || !Object.prototype.hasOwnProperty.call(attributes, key)) return undefined;
  return attributes[key];
}

/** What the import reads of a parsed network: graphology's graph, or the GEXF reader's nodes and edges. */
interface ReadGraph {
  /** Number of edges. */
  size: number;
  lastModifiedDate: unknown;
  forEachNode(visit: (key: string, attributes: Attributes) => void): void;
  forEachEdge(
    visit: (key: string, attributes: Attributes, source: string, target: string, undirected: boolean) => void,
  ): void;
}

function fromGraphology(graph: Graph): ReadGraph {
  return {
    size: graph.size,
    lastModifiedDate: graph.getAttribute('lastModifiedDate'),
    forEachNode: (visit) => graph.forEachNode((key, attributes: Attributes) => visit(key, attributes)),
    forEachEdge: (visit) =>
      graph.forEachEdge((key, attributes: Attributes, source, target, _s, _t, undirected) =>
        visit(key, attributes, source, target, undirected),
      ),
  };
}

/**
 * The GEXF reader's nodes (the first of each id) and edges as graphology would hold them: a node that only
 * edges name comes after the file's nodes (graphology adds it as the edge comes), with no attributes.
 */
function fromGexf(
  nodes: readonly GexfNode[],
  edges: readonly GexfEdge[],
  lastModifiedDate: unknown,
): ReadGraph {
  const all = new Map<string, Attributes>();
  for (const node of nodes) if (!all.has(node.key)) all.set(node.key, node.attributes);
  for (const edge of edges) {
    if (!all.has(edge.source)) all.set(edge.source, {});
    if (!all.has(edge.target)) all.set(edge.target, {});
  }
  return {
    size: edges.length,
    lastModifiedDate,
    forEachNode: (visit) => all.forEach((attributes, key) => visit(key, attributes)),
    forEachEdge: (visit) =>
      edges.forEach((edge, i) =>
        visit(edge.key ?? `#${i}`, edge.attributes, edge.source, edge.target, edge.undirected),
      ),
  };
}

/** What a parsed file holds before its graph is made: its node ids (every element, in order) and edge count. */
interface Parsed {
  nodeIds: string[];
  edgeCount: number;
  /** Makes the graph of the nodes kept (`kept[i]`: whether the i-th node element stays); throws as the readers do. */
  graph(kept: readonly boolean[]): ReadGraph;
}

function parseGexf(text: string, problems: string[]): Parsed | null {
  let read: GexfGraph;
  try {
    read = readGexf(text);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return null;
  }
  if (read.root !== 'gexf') return null;
  return {
    nodeIds: read.nodes.map((node) => node.key),
    edgeCount: read.edges.length,
    graph: (kept) =>
      fromGexf(
        read.nodes.filter((_, i) => kept[i]),
        mergeRepeatedIds(read.edges),
        read.lastModifiedDate,
      ),
  };
}

function parseGraphml(text: string, problems: string[], log: FileLog): Parsed | null {
  let doc: Document;
  try {
    const parser = new xmldom.DOMParser({
      errorHandler: {
        warning: () => {},
        error: (message: string) => void problems.push(message),
        fatalError: (message: string) => void problems.push(message),
      },
    });
    doc = parser.parseFromString(text, 'application/xml') as unknown as Document;
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    return null;
  }
  const root = doc?.documentElement?.tagName?.toLowerCase().replace(/^.*:/, '');
  if (doc === null || root !== 'graphml') return null;
  noteGraphmlChanges(normalizeGraphml(doc), log);
  const nodeElements = Array.from(doc.getElementsByTagName('node'));
  return {
    nodeIds: nodeElements.map((element) => element.getAttribute('id') ?? ''),
    edgeCount: doc.getElementsByTagName('edge').length,
    graph: (kept) => {
      // graphology refuses a second node with the same id and loses the whole file: the repeats go first.
      nodeElements.forEach((element, i) => {
        if (!kept[i]) element.parentNode?.removeChild(element);
      });
      const options = { addMissingNodes: true, allowUndeclaredAttributes: true };
      return fromGraphology(graphml.parse(Graph, doc, options) as Graph);
    },
  };
}

export function importGraphXml(
  text: string,
  format: 'gexf' | 'graphml',
  log: FileLog,
  ctx: ImportContext,
  maxRows: number = MAX_ROWS,
  given: ColumnMapping | null = null,
): { headers: string[]; mapping: ColumnMapping } | null {
  const label = format === 'gexf' ? 'GEXF' : 'GraphML';
  const problems: string[] = [];
  const parsed = format === 'gexf' ? parseGexf(text, problems) : parseGraphml(text, problems, log);
  if (parsed === null) {
    log.issue('file-not-read', {
      message: `The file is not valid ${label}${problems[0] === undefined ? ` (no <${format}> element)` : `: ${firstLine(problems[0])}`}.`,
    });
    return null;
  }

  if (parsed.nodeIds.length + parsed.edgeCount > maxRows) {
    log.issue('too-many-rows', {
      message: `The file has more than ${maxRows.toLocaleString('en-US')} nodes and edges; Forgemap imports at most that many per file.`,
    });
    return null;
  }
  // A second node with the same id is dropped (graphology would refuse the whole file), and reported.
  // Items are numbered in document order: nodes first, then edges after the last node element.
  const declared = new Map<string, number>();
  const kept = parsed.nodeIds.map((id, index) => {
    if (declared.has(id)) {
      log.issue('id-duplicate', {
        row: index + 1,
        path: `nodes[${index}]`,
        value: id,
        message: `node id "${id}" appears again; this node was not imported.`,
      });
      return false;
    }
    declared.set(id, index + 1);
    return true;
  });
  const nodeCount = parsed.nodeIds.length;

  let graph: ReadGraph;
  try {
    graph = parsed.graph(kept);
  } catch (error) {
    log.issue('file-not-read', { message: readerFailure(error, label) });
    return null;
  }

  // Gephi writes <meta lastmodifieddate="…">: the best "as of" date such a file has.
  const modified = graph.lastModifiedDate;
  if (typeof modified === 'string') ctx.noteDate(modified);

  const nodeKeys = new Set<string>();
  graph.forEachNode((_key, attributes: Attributes) => {
    for (const key of Object.keys(attributes)) nodeKeys.add(key);
  });
  const headers = [...nodeKeys];
  // x and y are layout positions here, not longitude and latitude.
  const mapping =
    given?.target === 'organizations'
      ? given
      : autoDetectMapping(headers, 'organizations', { geographicXY: false });
  if (mapping.target !== 'organizations') return null;
  const nodeColumns = mapping.columns;
  const unknownColumns = unknownMappedColumns(mapping, headers);
  if (unknownColumns.length > 0) {
    log.issue('mapping-unknown-column', {
      message: `The mapping names ${unknownColumns.map((m) => `"${m}"`).join(', ')}, which no node has as an attribute; left empty.`,
    });
  }
  let nodeKey = '';
  let nodeAttributes: Attributes = {};
  const nodeSource: RowSource<OrganizationField> = {
    value(field) {
      const value = cellText(own(nodeAttributes, nodeColumns[field]));
      // A node without a name-like attribute is still a firm: its id is the best name there is.
      return field === 'name' ? (value ?? nodeKey) : field === 'id' ? nodeKey : value;
    },
    column: (field) => (field === 'id' ? 'id' : (nodeColumns[field] ?? undefined)),
  };
  const total = nodeCount + graph.size;
  log.size(total);
  let positions = 0;
  let read = 0;
  const unknown = new Set<string>();
  graph.forEachNode((key, attributes) => {
    const row = declared.get(key);
    if (row === undefined) {
      unknown.add(key);
      return;
    }
    if (row % PROGRESS_EVERY === 0) ctx.progress(row / total);
    nodeKey = key;
    nodeAttributes = attributes;
    log.accept(row);
    const draft = readOrganization(nodeSource, row, log, ctx, {
      decimalComma: false,
      kindMapped: nodeColumns.kind !== null,
    });
    if (draft === null) return;
    addOrganization(draft, row, log, ctx, nodeSource.column('zip'));
    read++;
    const id = ctx.orgs.resolveLocal(log.name, key) ?? null;
    const x = own(attributes, 'x');
    const y = own(attributes, 'y');
    if (
      id !== null &&
      typeof x === 'number' &&
      typeof y === 'number' &&
      Number.isFinite(x) &&
      Number.isFinite(y)
    ) {
      ctx.positions.set(id, { x, y });
      positions++;
    }
  });
  if (positions > 0) {
    log.issue('graph-positions', {
      message: `${positions} nodes have layout positions (x, y); they are kept for the network view.`,
    });
  }

  const mapped = (field: OrganizationField) =>
    nodeColumns[field] !== null && headers.includes(nodeColumns[field]);
  noteMissingOrganizationFields(
    log,
    mapped,
    read,
    { holder: 'node attribute', mappable: true },
    {
      namedById: true,
    },
  );

  const edgeKeys = new Set<string>();
  graph.forEachEdge((_key, attributes) => {
    for (const key of Object.keys(attributes)) edgeKeys.add(key);
  });
  const edgeMapping = autoDetectMapping([...edgeKeys], 'links');
  if (edgeMapping.target !== 'links') return { headers, mapping };
  const edgeColumns = edgeMapping.columns;
  let ends: [OrgId, OrgId] | null = null;
  let edgeAttributes: Attributes = {};
  const edgeSource: RowSource<LinkField> = {
    value(field) {
      if (field === 'source') return ends?.[0];
      if (field === 'target') return ends?.[1];
      return cellText(own(edgeAttributes, edgeColumns[field]));
    },
    column: (field) => (field === 'source' || field === 'target' ? field : (edgeColumns[field] ?? undefined)),
  };
  let undirected = 0;
  let links = 0;
  let row = nodeCount;
  graph.forEachEdge((_key, attributes, source, target, isUndirected) => {
    // Edges without an id get a name from the reader, so the path counts edges instead.
    const path = `edges[${row - nodeCount}]`;
    row++;
    if (row % PROGRESS_EVERY === 0) ctx.progress(row / total);
    log.accept(row);
    const missing = [source, target].filter((end) => unknown.has(end));
    if (missing.length > 0) {
      log.issue('graph-unknown-node', {
        row,
        path,
        value: missing.join(', '),
        message: `the edge from "${source}" to "${target}" names ${missing.map((m) => `"${m}"`).join(' and ')}, which is not a node of the file; it was not imported.`,
      });
      return;
    }
    const from = ctx.orgs.resolveLocal(log.name, source);
    const to = ctx.orgs.resolveLocal(log.name, target);
    if (from === undefined || to === undefined) {
      log.issue('graph-unknown-node', {
        row,
        path,
        message: `the edge from "${source}" to "${target}" names a node that was not imported; it was not imported either.`,
      });
      return;
    }
    if (isUndirected) undirected++;
    ends = [from, to];
    edgeAttributes = attributes;
    const link = readLink(edgeSource, row, log, ctx, false);
    if (link === null) return;
    ctx.links.push(link);
    links++;
  });
  noteMissingLinkFields(log, (field) => edgeColumns[field] !== null, links, {
    holder: 'edge attribute',
    mappable: false,
  });
  if (undirected > 0) {
    log.issue('graph-undirected', {
      message: `${undirected} edges are undirected; each was read as going from its "source" (supplier) to its "target" (buyer) as written.`,
    });
  }
  ctx.progress(1);
  return { headers, mapping };
}

/**
 * What to tell a user when graphology's reader gives up: its own messages describe the file; anything else
 * is an error inside the reader, which says nothing a user can act on, so the file's structure is named.
 */
export function readerFailure(error: unknown, label: string): string {
  const detail = error instanceof Error ? error.message : '';
  const own = /^graphology-\w+\/parser: (.+)$/.exec(detail);
  if (own?.[1] !== undefined) return `The ${label} file could not be read: ${own[1].replace(/\.$/, '')}.`;
  return (
    `The ${label} file could not be read: its <key>, <node> and <edge> elements do not form a graph as ` +
    `the ${label} format describes (each node needs a unique id, each edge a source and a target).`
  );
}

function noteGraphmlChanges(changes: GraphmlChanges, log: FileLog): void {
  if (changes.groups > 0) {
    const kept = changes.groups - changes.droppedGroups;
    const first = changes.firstGroupLabel === null ? '' : ` (such as "${changes.firstGroupLabel}")`;
    log.issue('graph-groups', {
      message:
        `${changes.groups} group ${changes.groups === 1 ? 'node' : 'nodes'}${first} ${changes.groups === 1 ? 'was' : 'were'} flattened: the nodes and edges inside are imported as part of the network` +
        (changes.droppedGroups > 0
          ? `; ${changes.droppedGroups === 1 ? 'a group with no edge of its own is' : `${changes.droppedGroups} groups with no edge of their own are`} not an organization`
          : '') +
        (kept > 0
          ? `; ${kept === 1 ? 'a group that edges connect to is' : `${kept} groups that edges connect to are`} imported as an organization`
          : '') +
        '.',
    });
  }
  if (changes.yedLabels > 0) {
    log.issue('graph-yed-labels', {
      message: `${changes.yedLabels} ${changes.yedLabels === 1 ? 'node is' : 'nodes are'} named by the label yEd draws on ${changes.yedLabels === 1 ? 'it' : 'them'}.`,
    });
  }
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/^\[xmldom \w+\]\s*/, '').trim();
}
