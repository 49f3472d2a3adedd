// Sharing a partner view and a public view in headless Chromium: the sender chooses the partner profile and a marking line;
// the link carries the redacted data; the receiver sees the banner, and nothing the profile removes reaches
// the receiver's page or anything the sender or receiver exports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  leaksIn,
  PARTNER_REMOVED,
  PUBLIC_REMOVED,
  publicCase,
  secretive,
} from '../../src/io/export/test-bundles.ts';
import { openBundleFile, useAppSessions } from './harness.ts';

const byTestId = (id: string) => `[data-testid="${id}"]`;
const open = useAppSessions();
const MARKING = 'Internal — do not distribute';

/** Fails naming every removed identifier or exact value found in `text`. */
function expectNothingRemoved(text: string, where: string): void {
  expect(leaksIn(text, PARTNER_REMOVED), where).toEqual([]);
}

/** Fails naming every name, id, identifier, point or exact value of `publicCase()` found in `text`. */
function expectNoFirm(text: string, where: string): void {
  expect(leaksIn(text, PUBLIC_REMOVED), where).toEqual([]);
}

async function exportText(page: Page, id: string): Promise<{ name: string; text: string }> {
  await page.locator(byTestId('export-button')).click();
  const item = page.locator(byTestId(`export-item-${id}`));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), item.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe('sharing a partner view', () => {
  it('sends a marked partner link and exports; the receiver sees the banner and no removed field', async () => {
    const sender = await open('#/s:chicago/map');
    const { page, pageErrors } = sender;
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await openBundleFile(page, secretive(), 'secretive.json');

    await page.locator(byTestId('share-button')).click();
    await page.locator(byTestId('share-profile-partner')).check();
    await page.locator(byTestId('share-marking')).fill(MARKING);
    expect(await page.locator(byTestId('share-shown')).innerText()).toContain('partner view');
    // The embed choice is not offered: a partner link always carries its (redacted) data.
    expect(await page.locator(byTestId('share-embed')).count()).toBe(0);
    const field = page.locator(byTestId('share-link'));
    await expect.poll(() => field.inputValue()).toMatch(/#\/z:/);
    const href = await field.inputValue();
    await page.keyboard.press('Escape');

    // The sender's exports follow the choice, and say so in their names and contents.
    for (const id of [
      'bundle-json',
      'organizations-csv',
      'organizations-geojson',
      'network-gexf',
      'network-graphml',
    ]) {
      const { name, text } = await exportText(page, id);
      expect(name, id).toContain('partner');
      expect(text, id).toContain(MARKING);
      expect(text, id).toContain('Quillfeather Defense Systems');
      expectNothingRemoved(text, id);
    }

    // The briefing too: every figure and the poster, and the PDF's text.
    await page.locator(byTestId('export-button')).click();
    const [zip] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.locator(byTestId('export-item-briefing-svg')).click(),
    ]);
    const figures = unzipSync(new Uint8Array(readFileSync(await zip.path())));
    const poster = strFromU8(figures['briefing.svg']!);
    expect(poster).toContain(MARKING);
    expect(poster).toContain('Partner view');
    for (const [name, bytes] of Object.entries(figures)) expectNothingRemoved(strFromU8(bytes), name);

    // The standalone view: one file, opened from disk with the network off, asking nothing of anyone.
    await page.locator(byTestId('export-button')).click();
    const [standalone] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.locator(byTestId('export-item-standalone-html')).click(),
    ]);
    expect(standalone.suggestedFilename()).toMatch(/view-partner\.html$/);
    const html = readFileSync(await standalone.path(), 'utf8');
    expectNothingRemoved(html, 'the standalone view');
    // A context of its own (no app, no routing), offline, recording every request the file makes.
    const path = join(mkdtempSync(join(tmpdir(), 'forgemap-standalone-')), 'view.html');
    writeFileSync(path, html);
    const offline = await sender.context.browser()!.newContext({ offline: true });
    const requests: string[] = [];
    offline.on('request', (request) => requests.push(request.url()));
    const file = await offline.newPage();
    await file.goto(`file://${path}`);
    expect(await file.locator('.banner').innerText()).toContain(MARKING);
    expect(await file.locator('h1').innerText()).toBe('Secretive sample');
    expect(await file.locator('figure svg circle').count()).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    await offline.close();

    const receiver = await open(new URL(href).hash);
    await expect
      .poll(() => receiver.page.locator(byTestId('dataset-title')).innerText())
      .toBe('Secretive sample');
    const banner = await receiver.page.locator(byTestId('sharing-banner')).innerText();
    expect(banner).toContain('Partner view');
    expect(banner).toContain(MARKING);
    await receiver.page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    expectNothingRemoved(await receiver.page.content(), 'the receiver page');
    // The receiver cannot share it as more than it is.
    await receiver.page.locator(byTestId('share-button')).click();
    expect(await receiver.page.locator(byTestId('share-profile-full')).isDisabled()).toBe(true);
    await receiver.page.keyboard.press('Escape');
    const { text } = await exportText(receiver.page, 'bundle-json');
    expectNothingRemoved(text, 'the receiver export');
    expect(text).toContain('"profile":"partner"');
    expect(pageErrors).toEqual([]);
    expect(receiver.pageErrors).toEqual([]);
  });
});

describe('sharing a public view', () => {
  it('sends a public link and exports that name no firm; the receiver sees county flows and the suppressed gap list', async () => {
    const sender = await open('#/s:chicago/map');
    const { page, pageErrors } = sender;
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    await openBundleFile(page, publicCase(), 'public-case.json');
    // The sender's gap list is done, so the copy carries it.
    await page.locator(byTestId('gap-table')).waitFor({ timeout: 60_000 });

    await page.locator(byTestId('share-button')).click();
    await page.locator(byTestId('share-profile-public')).check();
    await page.locator(byTestId('share-marking')).fill('Cleared for release');
    expect(await page.locator(byTestId('share-shown')).innerText()).toContain('public view');
    const field = page.locator(byTestId('share-link'));
    await expect.poll(() => field.inputValue(), { timeout: 30_000 }).toMatch(/#\/z:/);
    const href = await field.inputValue();
    await page.keyboard.press('Escape');

    for (const id of [
      'bundle-json',
      'organizations-csv',
      'organizations-geojson',
      'network-gexf',
      'network-graphml',
    ]) {
      const { name, text } = await exportText(page, id);
      expect(name, id).toContain('public');
      expect(text, id).toContain('Cleared for release');
      expect(text, id).toContain('Manufacturer 4 (33 · DuPage County, IL)');
      expectNoFirm(text, id);
    }
    // No picture of the screen, which shows the firms.
    await page.locator(byTestId('export-button')).click();
    expect(await page.locator(byTestId('export-item-map-png')).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');

    const [zip] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      (async () => {
        await page.locator(byTestId('export-button')).click();
        await page.locator(byTestId('export-item-briefing-svg')).click();
      })(),
    ]);
    const figures = unzipSync(new Uint8Array(readFileSync(await zip.path())));
    const poster = strFromU8(figures['briefing.svg']!);
    expect(poster).toContain('Public view');
    expect(poster).toContain('Machine Shops');
    expect(figures['network.svg']).toBeUndefined();
    for (const [name, bytes] of Object.entries(figures)) expectNoFirm(strFromU8(bytes), name);
    const [standalone] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      (async () => {
        await page.locator(byTestId('export-button')).click();
        await page.locator(byTestId('export-item-standalone-html')).click();
      })(),
    ]);
    expect(standalone.suggestedFilename()).toMatch(/view-public\.html$/);
    expectNoFirm(readFileSync(await standalone.path(), 'utf8'), 'the standalone view');

    const receiver = await open(new URL(href).hash);
    const { page: other } = receiver;
    await expect.poll(() => other.locator(byTestId('dataset-title')).innerText()).toBe('Public case');
    const banner = await other.locator(byTestId('sharing-banner')).innerText();
    expect(banner).toMatch(/^Public view: no firm is named/);
    expect(banner).toContain('Cleared for release');
    await other.locator('[data-map-ready="true"]').waitFor({ timeout: 60_000 });
    // DuPage → Cook is drawn; Cook → Cook has no length.
    await expect.poll(() => other.locator('[data-flows]').getAttribute('data-flows')).toBe('1');
    expect(await other.locator(byTestId('map-flows-note')).innerText()).toContain(
      'the 1 county-to-county flow',
    );
    await other.getByRole('button', { name: 'Gaps', exact: true }).click();
    const dashboard = other.locator(byTestId('gaps-dashboard'));
    await dashboard.locator(byTestId('public-dashboard-note')).waitFor({ timeout: 30_000 });
    const table = await dashboard.locator(byTestId('public-gap-table')).innerText();
    expect(table).toContain('Machine Shops');
    expect(table).toContain('fewer than 3');
    expect(table).toContain('suppressed');
    expectNoFirm(await other.content(), 'the receiver page');
    await other.locator(byTestId('share-button')).click();
    expect(await other.locator(byTestId('share-profile-partner')).isDisabled()).toBe(true);
    expect(await other.locator(byTestId('share-profile-public')).isChecked()).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(receiver.pageErrors).toEqual([]);
  });
});
