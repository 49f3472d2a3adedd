// What a GEXF or GraphML export of a bundle should read back as, for the round-trip tests. Used by tests only.
import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import type { Bundle } from '../../domain/model.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, attributeValues } from './network-attributes.ts';
import { decodeXmlId, xmlSafe } from './xml-text.ts';

export interface ExpectedNetwork {
  nodes: [id: string, attributes: Record<string, unknown>][];
  edges: [source: string, target: string, attributes: Record<string, unknown>][];
}

/** Node and edge attributes as the exporters write them; `position` adds GEXF's x = lon, y = lat. */
export function expectedNetwork(bundle: Bundle, position: boolean): ExpectedNetwork {
  return {
    nodes: bundle.organizations.map((o) => {
      const attributes: Record<string, unknown> = {
        label: xmlSafe(o.name),
        ...attributeValues(NODE_ATTRIBUTES, o),
      };
      for (const [name, value] of Object.entries(attributes))
        if (typeof value === 'string') attributes[name] = xmlSafe(value);
      if (position && o.lat !== undefined && o.lon !== undefined)
        Object.assign(attributes, { x: o.lon, y: o.lat });
      return [o.id, attributes];
    }),
    edges: bundle.links.map((l) => [l.source, l.target, attributeValues(EDGE_ATTRIBUTES, l)]),
  };
}

/** Parses strictly: xmldom only logs well-formedness errors unless told to throw. */
export function wellFormed(text: string): Document {
  const fail = (message: string) => {
    throw new Error(message);
  };
  return new DOMParser({ errorHandler: { error: fail, fatalError: fail } }).parseFromString(
    text,
    'application/xml',
  ) as unknown as Document;
}

/**
 * An export read back with graphology's own parser (`parse` of graphology-gexf or -graphml) into the generic
 * Graph, so the file's own edge type and parallel edges show; ids decoded.
 */
export function reimportNetwork(text: string, parse: (graph: typeof Graph, source: string) => Graph) {
  wellFormed(text);
  const graph = parse(Graph, text);
  return {
    graph,
    nodes: graph.mapNodes((id, attributes) => [decodeXmlId(id), attributes]),
    edges: graph.mapEdges((_edge, attributes, source, target) => [
      decodeXmlId(source),
      decodeXmlId(target),
      attributes,
    ]),
  };
}
