// How much a shared link or export carries: the choice the Share panel sets and the Export menu follows.
import type { RedactionProfile } from '../domain/model.ts';
import { cleanMarking } from '../io/redact.ts';

export interface SharingChoice {
  profile: RedactionProfile;
  /** The sender's marking line, as typed (cleanMarking applies when a copy is made). */
  marking: string;
}

/** Whether a choice makes a shared copy rather than the data as it is. */
export const isRedacting = (choice: SharingChoice): boolean =>
  choice.profile !== 'full' || cleanMarking(choice.marking) !== undefined;
