// The gap flags of one capability as small coloured labels, each explained by its title.
import type { GapFlag } from '../../analysis/types.ts';
import { FLAG_HELP, FLAG_LABELS } from '../labels.ts';

export function GapFlags({ flags }: { flags: readonly GapFlag[] }) {
  return (
    <span className="gap-flags">
      {flags.map((flag) => (
        <span key={flag} className={`flag flag-${flag}`} title={FLAG_HELP[flag]}>
          {FLAG_LABELS[flag]}
        </span>
      ))}
    </span>
  );
}
