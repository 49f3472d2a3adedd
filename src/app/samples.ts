// The sample datasets shipped with the app; each is a bundle file served from the app's own origin.
import chicagoUrl from '../../data/samples/chicago.json?url';
import peoriaUrl from '../../data/samples/peoria.json?url';
import socalUrl from '../../data/samples/socal.json?url';

export interface SampleInfo {
  id: string;
  label: string;
  url: string;
}

export const SAMPLES: readonly SampleInfo[] = [
  { id: 'chicago', label: 'Chicago metal & defense', url: chicagoUrl },
  { id: 'socal', label: 'Southern California aerospace & defense', url: socalUrl },
  { id: 'peoria', label: 'Greater Peoria heavy equipment', url: peoriaUrl },
];

export function findSample(id: string): SampleInfo | undefined {
  return SAMPLES.find((sample) => sample.id === id);
}
