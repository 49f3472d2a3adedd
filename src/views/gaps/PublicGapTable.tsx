// A public copy's gap list, as the sender's analysis made it and the copy carries it: dollar values as their
// band, counts of 1 or 2 firms written "fewer than 3", and the values such firms' sales are part of written
// "suppressed" (io/public/redact-public.ts).
import type { Gap } from '../../analysis/types.ts';
import { formatCount, formatDollars, formatPercent } from '../derive/format.ts';
import { GapFlagsCell } from './GapList.tsx';

interface Props {
  gaps: readonly Gap[];
  selectedGap: string | undefined;
  onSelectGap: (capability: string) => void;
}

export function PublicGapTable({ gaps, selectedGap, onSelectGap }: Props) {
  if (gaps.length === 0)
    return (
      <p className="placeholder" data-testid="public-gap-table">
        This public view carries no gap list for this region: it was shared with the gap list of another
        region, or of none.
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="gap-table" data-testid="public-gap-table">
        <caption className="gap-table-caption">The sender&rsquo;s gap list, by imported value</caption>
        <thead>
          <tr>
            <th scope="col">Capability</th>
            <th scope="col">Flags</th>
            {['Demand', 'Imported', 'Leakage', 'Local suppliers', 'Trainers'].map((header) => (
              <th key={header} scope="col" className="num">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gaps.map((gap) => (
            <tr key={gap.capability} className={gap.capability === selectedGap ? 'selected' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="cap-label link-button"
                  aria-pressed={gap.capability === selectedGap}
                  onClick={() => onSelectGap(gap.capability)}
                >
                  {gap.label}
                </button>
                <span className="cap-id">{gap.capability}</span>
              </th>
              <GapFlagsCell flags={gap.flags} />
              <td className="num">{formatDollars(gap.demand, 'public')}</td>
              <td className="num">{formatDollars(gap.importedValue, 'public')}</td>
              <td className="num">{Number.isNaN(gap.leakage) ? 'suppressed' : formatPercent(gap.leakage)}</td>
              <td className="num">{formatCount(gap.localSuppliers)}</td>
              <td className="num">{formatCount(gap.trainers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
