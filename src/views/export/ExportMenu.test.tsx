import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { edgeCaseBundle } from '../../io/export/test-bundles.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { EXPORT_IDS } from './export-items.ts';

describe('ExportMenu', () => {
  const html = renderToStaticMarkup(<ExportMenu bundle={edgeCaseBundle()} analysis={null} />);

  it('is a closed menu button', () => {
    expect(html).toMatch(
      /<button[^>]*aria-haspopup="menu"[^>]*aria-expanded="false"[^>]*data-testid="export-button"/,
    );
    expect(html).toMatch(/<ul[^>]*role="menu"[^>]*hidden=""[^>]*data-testid="export-list"/);
  });

  it('lists every export as a menu item with a stable test id', () => {
    for (const id of EXPORT_IDS)
      expect(html).toMatch(new RegExp(`role="menuitem"[^>]*data-testid="export-item-${id}"`));
    expect(html.match(/role="menuitem"/g)).toHaveLength(EXPORT_IDS.length);
  });

  it('keeps disabled items focusable and says why they are disabled', () => {
    expect(html).toMatch(
      /aria-disabled="true" title="Gaps \(CSV\): analysis still running" data-testid="export-item-gaps-csv"/,
    );
    expect(html).toContain('<span class="export-item-reason">open the map view first</span>');
    expect(html).toMatch(/aria-disabled="false"[^>]*data-testid="export-item-bundle-json"/);
    expect(html).not.toMatch(/ disabled=""/);
  });

  it('has a live status region', () => {
    expect(html).toMatch(/role="status" data-testid="export-status"/);
  });
});
