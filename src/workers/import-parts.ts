// Splits an import outcome into messages of bounded size (the organizations and links in parts, then the
// rest) and puts them back together on the other side. Pure; the worker and the client share it.
import type { Link, Organization } from '../domain/model.ts';
import type { ImportOutcome } from '../io/import/import-files.ts';
import type { CanonicalBundle, FromImportWorker } from './import-protocol.ts';

/**
 * Records per message, for every worker message that carries a bundle: a part is serialized on one side
 * and deserialized on the other in one task each. Measured in Chromium on a 2-core machine: 10,000 links
 * took 70–115 ms to deserialize, so a part holds half that (about 35–60 ms).
 */
export const ORGANIZATIONS_PER_PART = 1_250;
export const LINKS_PER_PART = 5_000;

type Part = Extract<FromImportWorker, { type: 'part' }>;
type ResultMessage = Extract<FromImportWorker, { type: 'result' }>;

/** The messages that carry `outcome`: parts first, then the result with empty arrays in their place. */
export function splitOutcome(
  id: number,
  outcome: ImportOutcome,
  canonical: CanonicalBundle | null,
): { parts: Part[]; result: ResultMessage } {
  const parts: Part[] = [];
  if (outcome.value === null) return { parts, result: { type: 'result', id, outcome, canonical } };
  const { bundle } = outcome.value;
  for (let i = 0; i < bundle.organizations.length; i += ORGANIZATIONS_PER_PART)
    parts.push({
      type: 'part',
      id,
      key: 'organizations',
      items: bundle.organizations.slice(i, i + ORGANIZATIONS_PER_PART),
    });
  for (let i = 0; i < bundle.links.length; i += LINKS_PER_PART)
    parts.push({ type: 'part', id, key: 'links', items: bundle.links.slice(i, i + LINKS_PER_PART) });
  const light: ImportOutcome = {
    ...outcome,
    value: { ...outcome.value, bundle: { ...bundle, organizations: [], links: [] } },
  };
  return { parts, result: { type: 'result', id, outcome: light, canonical } };
}

/** Collects the parts of one run and rebuilds the outcome when its result arrives. */
export class OutcomeAssembler {
  private organizations: unknown[][] = [];
  private links: unknown[][] = [];

  add(part: Part): void {
    (part.key === 'organizations' ? this.organizations : this.links).push(part.items);
  }

  /** The whole outcome: the parts are the worker's own bundle records, in order. */
  finish(result: ResultMessage): ImportOutcome {
    const { outcome } = result;
    if (outcome.value === null) return outcome;
    const bundle = {
      ...outcome.value.bundle,
      organizations: this.organizations.flat() as Organization[],
      links: this.links.flat() as Link[],
    };
    return { ...outcome, value: { ...outcome.value, bundle } };
  }
}
