// The network as GEXF 1.3 for Gephi: organizations are nodes (label = name, viz position = lon/lat), links
// are directed edges in supply direction. Written by hand, with attribute types fixed by the column list.
import type { Bundle, BundleMeta } from '../../domain/model.ts';
import { sharingNotice } from '../redact.ts';
import type { AttributeSpec, AttributeType } from './network-attributes.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, attributeValues, eachNodeAndEdge } from './network-attributes.ts';
import { XML_CHAR, encodeXmlId, escapeXmlAttribute, escapeXmlText } from './xml-text.ts';

/**
 * The GEXF node id of an organization: its id, with characters XML cannot carry encoded as `_xHHHH_` and
 * names of `Object.prototype` members guarded (see `encodeXmlId`); `decodeXmlId` reverses it.
 */
export function gexfNodeId(orgId: string): string {
  return encodeXmlId(orgId, XML_CHAR);
}

const GEXF_TYPE: Record<AttributeType, string> = { string: 'string', double: 'double', integer: 'integer' };

/** The `<description>` text: what the data is, when it describes, and that it is synthetic when it is. */
export function gexfDescription(meta: BundleMeta): string {
  return [
    sharingNotice(meta.sharing) ?? '',
    meta.synthetic ? 'Synthetic sample data, not real firms.' : '',
    `Dataset ${meta.id}, data as of ${meta.asOf}.`,
    meta.description,
    `Source: ${meta.source}.`,
    `License: ${meta.license}.`,
  ]
    .filter((part) => part !== '')
    .join(' ');
}

function model<T>(domain: 'node' | 'edge', specs: readonly AttributeSpec<T>[]): string[] {
  return [
    `    <attributes class="${domain}">`,
    ...specs.map(
      (s) =>
        `      <attribute id="${escapeXmlAttribute(s.name)}" title="${escapeXmlAttribute(s.name)}" type="${GEXF_TYPE[s.type]}"/>`,
    ),
    '    </attributes>',
  ];
}

function attvalues(values: Record<string, string | number>): string[] {
  const entries = Object.entries(values);
  if (entries.length === 0) return [];
  return [
    '        <attvalues>',
    ...entries.map(
      ([name, value]) =>
        `          <attvalue for="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(String(value))}"/>`,
    ),
    '        </attvalues>',
  ];
}

const finite = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);

/**
 * Nodes keep the bundle's order, edges are `e<link index>`. Position x = lon, y = lat in degrees, only for
 * organizations with their own coordinates. Every column is declared with its type (`lat` is always
 * `double`); an attribute the record lacks, or an empty list, is left out rather than written as "".
 * Edge `kind` goes in an attribute column rather than GEXF 1.3's edge `kind` XML attribute, which readers
 * that predate 1.3 ignore. `<meta>` names the dataset, its date (as `lastmodifieddate`, which keeps the file
 * byte-stable) and whether it is synthetic.
 *
 * Why not graphology-gexf's writer: it needs a graphology graph, and graphology 0.26 keys adjacency by node
 * id in plain objects, so an organization called "__proto__" pollutes `Object.prototype` while exporting.
 */
export function exportGexf(bundle: Bundle): string {
  const { meta } = bundle;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${escapeXmlAttribute(meta.asOf)}">`,
    '    <creator>Forgemap</creator>',
    `    <title>${escapeXmlText(meta.title)}</title>`,
    `    <description>${escapeXmlText(gexfDescription(meta))}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...model('node', NODE_ATTRIBUTES),
    ...model('edge', EDGE_ATTRIBUTES),
    '    <nodes>',
  ];

  eachNodeAndEdge(bundle, gexfNodeId, {
    node: (org, id) => {
      lines.push(
        `      <node id="${escapeXmlAttribute(id)}" label="${escapeXmlAttribute(org.name)}">`,
        ...attvalues(attributeValues(NODE_ATTRIBUTES, org)),
      );
      if (finite(org.lat) && finite(org.lon))
        lines.push(`        <viz:position x="${String(org.lon)}" y="${String(org.lat)}"/>`);
      lines.push('      </node>');
    },
    county: (id, label, values) => {
      lines.push(
        `      <node id="${escapeXmlAttribute(id)}" label="${escapeXmlAttribute(label)}">`,
        ...attvalues(values),
      );
      if (typeof values['lat'] === 'number' && typeof values['lon'] === 'number')
        lines.push(`        <viz:position x="${String(values['lon'])}" y="${String(values['lat'])}"/>`);
      lines.push('      </node>');
    },
    afterNodes: () => lines.push('    </nodes>', '    <edges>'),
    edge: (link, i, source, target) =>
      lines.push(
        `      <edge id="e${i}" source="${escapeXmlAttribute(source)}" target="${escapeXmlAttribute(target)}">`,
        ...attvalues(attributeValues(EDGE_ATTRIBUTES, link)),
        '      </edge>',
      ),
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}
