// What a GEXF or GraphML export of a bundle should read back as, for the round-trip tests. Used by tests only.
import type { Bundle } from '../../domain/model.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, attributeValues } from './network-attributes.ts';
import { xmlSafe } from './xml-text.ts';

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
