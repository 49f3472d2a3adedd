// What the briefing poster and the standalone view both say about the view: the data, its sharing, the link.
import type { Sharing } from '../../../domain/model.ts';

export interface ViewFacts {
  title: string;
  region?: string | undefined;
  asOf: string;
  source: string;
  synthetic: boolean;
  sharing?: Sharing | undefined;
  /** The view's link, or null with `permalinkNote` saying why there is none. */
  permalink: string | null;
  permalinkNote?: string | undefined;
  /** YYYY-MM-DD the copy was made. */
  madeOn: string;
}

/** "Region · data as of 2026-01-01 · source: …". */
export function factsLine(facts: ViewFacts): string {
  return [facts.region, `data as of ${facts.asOf}`, `source: ${facts.source}`]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(' · ');
}
