// The Export menu's briefing entries: the briefing code (figures, QR code, PDF) loads on first use (briefing.ts).
import { useCallback } from 'react';
import type { Briefing } from '../views/export/export-items.ts';
import type { BriefingSources } from './briefing.ts';

export function useBriefing(sources: BriefingSources): (() => Promise<Briefing>) | undefined {
  const { data, shared, regionName, mapEngine, sigmaEngine, choice, buildLink } = sources;
  const make = useCallback(
    async () =>
      (await import('./briefing.ts')).makeBriefing({
        data,
        shared,
        regionName,
        mapEngine,
        sigmaEngine,
        choice,
        buildLink,
      }),
    [data, shared, regionName, mapEngine, sigmaEngine, choice, buildLink],
  );
  return data === null ? undefined : make;
}
