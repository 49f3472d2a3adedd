// The network as GraphML for yEd, Cytoscape, NetworkX and Gephi: organizations are nodes, links directed
// edges in supply direction. Hand-written: graphology-graphml 0.5 can only parse, it has no writer.
import type { Bundle, BundleMeta } from '../../domain/model.ts';
import { sharingNotice } from '../redact.ts';
import type { AttributeSpec, AttributeType } from './network-attributes.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, attributeValues, eachNodeAndEdge } from './network-attributes.ts';
import { NAME_CHAR, encodeXmlId, escapeXmlAttribute, escapeXmlText } from './xml-text.ts';

/**
 * The GraphML node id of an organization. GraphML declares node ids as XML NMTOKENs (no spaces, no
 * punctuation but `-._:`), so other characters are written `_xHHHH_` (reversed by `decodeXmlId`), as is
 * the first character of "__proto__" and other `Object.prototype` member names; an id such as
 * "chicago-prime-01" is unchanged.
 */
export function graphmlNodeId(orgId: string): string {
  return encodeXmlId(orgId, NAME_CHAR);
}

const GRAPHML_TYPE: Record<AttributeType, string> = { string: 'string', double: 'double', integer: 'int' };

interface Key {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: string;
}

/** GraphML key ids are per document, so node and edge attributes of the same name get a prefix. */
function keysOf<T>(domain: 'node' | 'edge', specs: readonly AttributeSpec<T>[]): Key[] {
  return specs.map((s) => ({
    id: `${domain[0]}_${s.name}`,
    for: domain,
    name: s.name,
    type: GRAPHML_TYPE[s.type],
  }));
}

const GRAPH_KEYS: Key[] = [
  { id: 'g_dataset', for: 'graph', name: 'dataset', type: 'string' },
  { id: 'g_title', for: 'graph', name: 'title', type: 'string' },
  { id: 'g_description', for: 'graph', name: 'description', type: 'string' },
  { id: 'g_source', for: 'graph', name: 'source', type: 'string' },
  { id: 'g_license', for: 'graph', name: 'license', type: 'string' },
  { id: 'g_as_of', for: 'graph', name: 'asOf', type: 'string' },
  { id: 'g_synthetic', for: 'graph', name: 'synthetic', type: 'boolean' },
];
const LABEL_KEY: Key = { id: 'n_label', for: 'node', name: 'label', type: 'string' };
const NODE_KEYS = keysOf('node', NODE_ATTRIBUTES);
const EDGE_KEYS = keysOf('edge', EDGE_ATTRIBUTES);

function data(indent: string, key: string, value: string | number | boolean): string {
  return `${indent}<data key="${key}">${escapeXmlText(String(value))}</data>`;
}

function dataLines(indent: string, domain: 'n' | 'e', values: Record<string, string | number>): string[] {
  return Object.entries(values).map(([name, value]) => data(indent, `${domain}_${name}`, value));
}

/** The document's `<desc>`, for readers that show it: what the data is, its date, and whether it is synthetic. */
export function graphmlDescription(meta: BundleMeta): string {
  const notice = sharingNotice(meta.sharing);
  return `${notice === null ? '' : `${notice}. `}Forgemap supply network of "${meta.title}" (dataset ${meta.id}), data as of ${meta.asOf}${
    meta.synthetic ? ', synthetic sample data, not real firms' : ''
  }. Source: ${meta.source}. License: ${meta.license}.`;
}

/**
 * Nodes keep the bundle's order (label = name), edges are `e<link index>`, `edgedefault="directed"`.
 * Attributes are declared with fixed types (`lat` is always `double`), lists are joined with ";", and an
 * attribute the record lacks is left out. The dataset's id, title, source, license, date and synthetic flag
 * are graph data (graph-level `<data>` must come first in `<graph>`: graphology's reader stops at the first
 * other element), and `<desc>` says the same in a sentence.
 */
export function exportGraphml(bundle: Bundle): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${escapeXmlText(graphmlDescription(bundle.meta))}</desc>`,
  ];
  for (const key of [...GRAPH_KEYS, LABEL_KEY, ...NODE_KEYS, ...EDGE_KEYS]) {
    lines.push(
      `  <key id="${key.id}" for="${key.for}" attr.name="${escapeXmlAttribute(key.name)}" attr.type="${key.type}"/>`,
    );
  }
  lines.push('  <graph id="G" edgedefault="directed">');
  const { meta } = bundle;
  lines.push(
    data('    ', 'g_dataset', meta.id),
    data('    ', 'g_title', meta.title),
    data('    ', 'g_description', meta.description),
    data('    ', 'g_source', meta.source),
    data('    ', 'g_license', meta.license),
    data('    ', 'g_as_of', meta.asOf),
    data('    ', 'g_synthetic', meta.synthetic),
  );

  eachNodeAndEdge(bundle, graphmlNodeId, {
    node: (org, id) =>
      lines.push(
        `    <node id="${escapeXmlAttribute(id)}">`,
        data('      ', LABEL_KEY.id, org.name),
        ...dataLines('      ', 'n', attributeValues(NODE_ATTRIBUTES, org)),
        '    </node>',
      ),
    county: (id, label, values) =>
      lines.push(
        `    <node id="${escapeXmlAttribute(id)}">`,
        data('      ', LABEL_KEY.id, label),
        ...dataLines('      ', 'n', values),
        '    </node>',
      ),
    edge: (link, i, source, target) =>
      lines.push(
        `    <edge id="e${i}" source="${escapeXmlAttribute(source)}" target="${escapeXmlAttribute(target)}">`,
        ...dataLines('      ', 'e', attributeValues(EDGE_ATTRIBUTES, link)),
        '    </edge>',
      ),
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
