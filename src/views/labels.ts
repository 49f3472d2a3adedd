// The words every view uses for organization kinds and gap flags: said here once.
import type { GapFlag } from '../analysis/types.ts';
import type { OrgKind } from '../domain/model.ts';

export const KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  prime: 'Prime / OEM buyer',
  manufacturer: 'Manufacturer',
  training: 'Training provider',
  support: 'Support organization',
};

export const KIND_PLURALS: Readonly<Record<OrgKind, string>> = {
  prime: 'Primes / OEM buyers',
  manufacturer: 'Manufacturers',
  training: 'Training providers',
  support: 'Support organizations',
};

export const FLAG_LABELS: Readonly<Record<GapFlag, string>> = {
  missing: 'Missing',
  'single-source': 'Single source',
  leakage: 'Leakage',
  concentrated: 'Concentrated',
  workforce: 'Workforce',
};

export const FLAG_HELP: Readonly<Record<GapFlag, string>> = {
  missing: 'No supplier in the region',
  'single-source': 'Exactly one supplier in the region',
  leakage: 'Local suppliers exist, but half or more of the demand is bought outside the region',
  concentrated: 'Two or more local suppliers, but one or a few hold most of the local sales (HHI ≥ 0.25)',
  workforce: 'No training provider in the region trains for it',
};
