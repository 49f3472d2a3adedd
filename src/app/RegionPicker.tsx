// Home-region picker: the dataset's own regions first, then the real IMCP and DMCSP communities.
import type { Region } from '../domain/model.ts';
import type { ReferenceRegion } from './reference-regions.ts';

interface Props {
  value: string | undefined;
  datasetRegions: readonly Region[];
  referenceRegions: readonly ReferenceRegion[];
  onChange: (regionId: string) => void;
}

export function RegionPicker({ value, datasetRegions, referenceRegions, onChange }: Props) {
  const datasetIds = new Set(datasetRegions.map((r) => r.id));
  const groups: { label: string; regions: { id: string; name: string; detail: string }[] }[] = [
    {
      label: 'In this dataset',
      regions: datasetRegions.map((r) => ({ id: r.id, name: r.name, detail: r.program })),
    },
    ...(['IMCP', 'DMCSP'] as const).map((program) => ({
      label:
        program === 'IMCP' ? 'IMCP manufacturing communities' : 'DMCSP defense manufacturing communities',
      regions: referenceRegions
        .filter((r) => r.program === program && !datasetIds.has(r.id))
        .map((r) => ({
          id: r.id,
          name: r.name,
          detail: r.counties.length === 0 ? 'county list unknown' : r.when,
        })),
    })),
  ];
  return (
    <label className="control">
      <span>Region</span>
      <select
        data-testid="region-picker"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        {value === undefined && <option value="">No home region</option>}
        {groups
          .filter((group) => group.regions.length > 0)
          .map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name} ({r.detail})
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </label>
  );
}
