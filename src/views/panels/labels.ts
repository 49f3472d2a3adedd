// Words the side panels use for organization kinds and gap flags.
import type { GapFlag } from '../../analysis/types.ts';
import type { OrgKind } from '../../domain/model.ts';

export const KIND_LABELS: Record<OrgKind, string> = {
  prime: 'Prime',
  manufacturer: 'Manufacturer',
  training: 'Training provider',
  support: 'Support organization',
};

export const KIND_PLURALS: Record<OrgKind, string> = {
  prime: 'Primes',
  manufacturer: 'Manufacturers',
  training: 'Training providers',
  support: 'Support organizations',
};

export const FLAG_LABELS: Record<GapFlag, string> = {
  missing: 'Missing',
  'single-source': 'Single source',
  leakage: 'Leakage',
  concentrated: 'Concentrated',
  workforce: 'Workforce',
};

export const FLAG_HELP: Record<GapFlag, string> = {
  missing: 'No supplier in the region',
  'single-source': 'Exactly one supplier in the region',
  leakage: 'Local suppliers exist, but half or more of the demand is bought outside the region',
  concentrated: 'Two or more local suppliers, but one or a few hold most of the local sales (HHI ≥ 0.25)',
  workforce: 'No training provider in the region trains for it',
};
