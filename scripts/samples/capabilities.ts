// Labels of the non-NAICS capability ids the samples use (NAICS ids are labelled from the NAICS table).
import type { Capability } from '../../src/domain/model.ts';
import type { CapabilityId } from '../../src/domain/ids.ts';

const LABELS: readonly { id: string; label: string; naics: string }[] = [
  { id: '5-axis-machining', label: '5-axis CNC machining of complex parts', naics: '332710' },
  { id: 'nadcap-heat-treat', label: 'Nadcap-accredited heat treating', naics: '332811' },
  {
    id: 'nadcap-chem-processing',
    label: 'Nadcap-accredited chemical processing (plating, anodizing)',
    naics: '332813',
  },
  { id: 'nadcap-ndt', label: 'Nadcap-accredited nondestructive testing', naics: '541380' },
  {
    id: 'hot-isostatic-pressing',
    label: 'Hot isostatic pressing (HIP) of castings and printed parts',
    naics: '332811',
  },
  { id: 'cmm-inspection', label: 'Coordinate-measuring-machine inspection', naics: '541380' },
  { id: 'robotic-welding', label: 'Robotic welding cells', naics: '332312' },
  { id: 'metal-additive', label: 'Metal additive manufacturing (powder bed fusion)', naics: '332710' },
];

/** Capability records for the slugs in `used`, sorted by id. */
export function capabilityLabels(used: Iterable<string>): Capability[] {
  const wanted = new Set(used);
  const out: Capability[] = [];
  for (const entry of [...LABELS].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (wanted.has(entry.id))
      out.push({ id: entry.id as CapabilityId, label: entry.label, naics: entry.naics });
  }
  for (const id of wanted) {
    if (!/^\d{6}$/.test(id) && !LABELS.some((entry) => entry.id === id)) {
      throw new Error(`capability "${id}" has no label`);
    }
  }
  return out;
}
