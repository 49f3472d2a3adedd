// What the map's tooltip says about an organization, a cluster or a region, and how it is put on screen:
// always as text nodes, so that names like `<img src=x onerror=…>` show literally.
import type { Organization, OrgKind } from '../../domain/model.ts';
import type { RegionOption } from '../contracts.ts';
import { KIND_LABELS } from '../labels.ts';

export interface TooltipContent {
  title: string;
  lines: string[];
}

const MAX_CAPABILITIES = 4;

export function tierText(tier: number | undefined, kind: OrgKind): string {
  if (tier === undefined) return kind === 'prime' ? 'Prime' : 'Tier: not linked to a prime';
  return tier === 0 ? 'Tier 0 (prime)' : `Tier ${tier} supplier`;
}

export function orgTooltip(
  org: Organization,
  label: (capability: string) => string,
  tier: number | undefined,
): TooltipContent {
  const lines: string[] = [KIND_LABELS[org.kind]];
  const place = [org.city, org.state].filter((part) => part !== undefined && part !== '').join(', ');
  if (place !== '') lines[0] = `${lines[0]} · ${place}`;
  const capabilities = [...new Set([...org.capabilities, ...org.naics])];
  if (capabilities.length > 0) {
    const shown = capabilities.slice(0, MAX_CAPABILITIES).map((c) => label(c));
    const more = capabilities.length - shown.length;
    lines.push(...shown);
    if (more > 0) lines.push(`and ${more} more`);
  }
  lines.push(tierText(tier, org.kind));
  return { title: org.name, lines };
}

export function clusterTooltip(counts: Partial<Record<OrgKind, number>>, total: number): TooltipContent {
  const parts = (Object.keys(KIND_LABELS) as OrgKind[])
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => `${(counts[kind] ?? 0).toLocaleString('en-US')} ${KIND_LABELS[kind].toLowerCase()}`);
  return {
    title: `${total.toLocaleString('en-US')} organizations`,
    lines: [...parts, 'Click to zoom in'],
  };
}

export function regionTooltip(region: RegionOption): TooltipContent {
  const lines = [region.program];
  if (region.focus != null && region.focus !== '') lines.push(`Focus: ${region.focus}`);
  if (region.lead != null && region.lead !== '') lines.push(`Lead: ${region.lead}`);
  lines.push('Click to make it the home region');
  return { title: region.name, lines };
}

/** Replaces the element's content with the tooltip, as text nodes only. */
export function renderTooltip(element: HTMLElement, content: TooltipContent): void {
  const title = document.createElement('strong');
  title.textContent = content.title;
  const children: HTMLElement[] = [title];
  for (const line of content.lines) {
    const row = document.createElement('span');
    row.textContent = line;
    children.push(row);
  }
  element.replaceChildren(...children);
}
