// Human labels for capability ids: the bundle's own `capabilities` table first, then NAICS 2017 titles.
import type { Capability } from '../domain/model.ts';
import { isNaicsCode } from '../domain/ids.ts';

export function capabilityLabeler(
  capabilities: readonly Capability[],
  naicsTitles: Readonly<Record<string, string>>,
): (id: string) => string {
  const own = new Map<string, string>(capabilities.map((c) => [c.id, c.label]));
  return (id) => {
    const label = own.get(id);
    if (label !== undefined) return label;
    if (isNaicsCode(id) && Object.hasOwn(naicsTitles, id)) return naicsTitles[id] ?? id;
    return id;
  };
}
