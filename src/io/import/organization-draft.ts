// An organization as read from one row of a file, before duplicates are merged and ids assigned.
import type { Organization } from '../../domain/model.ts';

export interface OrganizationDraft extends Omit<Organization, 'id'> {
  /** The id the file gives it, if any; links in the same file refer to it. */
  localId?: string | undefined;
}

/** Where a draft came from, for messages that point back to it. */
export interface DraftOrigin {
  file: string;
  row: number;
  noun: string;
}
