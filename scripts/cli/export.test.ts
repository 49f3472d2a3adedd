import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBundleJson } from '../../src/io/export/bundle-json.ts';
import type { Bundle } from '../../src/domain/model.ts';
import {
  leaksIn,
  PARTNER_REMOVED,
  PUBLIC_REMOVED,
  publicCase,
  secretive,
} from '../../src/io/export/test-bundles.ts';
import { run } from '../forgemap.ts';
import { EXPORT_FORMATS } from './export.ts';

async function bundleFile(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'forgemap-export-'));
  const file = join(dir, 'secretive.json');
  await writeFile(file, exportBundleJson(secretive()));
  return { dir, file };
}

describe('forgemap export', () => {
  it('writes every format of a partner copy without any removed field, marked', async () => {
    const { dir, file } = await bundleFile();
    for (const format of EXPORT_FORMATS) {
      const out = join(dir, `out.${format}`);
      const result = await run([
        'export',
        file,
        '--profile',
        'partner',
        '--format',
        format,
        '--marking',
        'Internal - do not distribute',
        '-o',
        out,
      ]);
      expect(result.exitCode, format).toBe(0);
      expect(result.lines[0]).toContain(
        `${format} written to ${out}: profile partner, marked "Internal - do not distribute"`,
      );
      const text = await readFile(out, 'utf8');
      expect(leaksIn(text, PARTNER_REMOVED), format).toEqual([]);
      expect(text, format).toContain('Quillfeather Defense Systems');
      expect(text, format).toContain('Internal - do not distribute');
    }
  });

  it('writes every format of a public copy without a name, id, identifier, point or exact value', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'forgemap-export-'));
    const file = join(dir, 'public-case.json');
    await writeFile(file, exportBundleJson(publicCase()));
    for (const format of EXPORT_FORMATS) {
      const out = join(dir, `public.${format}`);
      const result = await run(['export', file, '--profile', 'public', '--format', format, '-o', out]);
      expect(result.exitCode, format).toBe(0);
      expect(result.lines[0]).toBe(
        `${format} written to ${out}: profile public; 8 organizations, 2 county-to-county flows, the gap list of chicago`,
      );
      expect(result.lines[1]).toMatch(/^Public view: .*left out: 1 organizations of counties/);
      const text = await readFile(out, 'utf8');
      expect(leaksIn(text, PUBLIC_REMOVED), format).toEqual([]);
      // Counties named and placed from the shipped shapes.
      expect(text, format).toContain('Manufacturer 4 (33 · DuPage County, IL)');
    }
    // The gap list of the home region travels, with the one college's count suppressed.
    const copy = JSON.parse(await readFile(join(dir, 'public.bundle'), 'utf8')) as Bundle;
    const machining = copy.meta.sharing?.public?.gaps?.find((gap) => gap.capability === '332710');
    expect(machining).toMatchObject({ localSuppliers: 4, trainers: null });
  });

  it('writes the full bundle by default, identifiers included', async () => {
    const { dir, file } = await bundleFile();
    const out = join(dir, 'full.json');
    expect((await run(['export', file, '-o', out])).exitCode).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('UEIQX7Z9K2L4');
    expect(text).toContain('"sharing":{"profile":"full"}');
  });

  it('refuses an unknown profile or format, and a bad bundle, writing nothing', async () => {
    const { dir, file } = await bundleFile();
    const out = join(dir, 'never.json');
    const profile = await run(['export', file, '--profile', 'secret', '-o', out]);
    expect(profile.exitCode).toBe(2);
    expect(profile.errors?.[0]).toBe('forgemap: --profile "secret" is not one of full, partner, public');
    const format = await run(['export', file, '--format', 'pdf', '-o', out]);
    expect(format.errors?.[0]).toBe(
      'forgemap: --format "pdf" is not one of bundle, csv, geojson, gexf, graphml',
    );
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"format":"forgemap.bundle","version":1}');
    const broken = await run(['export', bad, '-o', out]);
    expect(broken.exitCode).toBe(1);
    expect(broken.errors?.at(-1)).toBe('Nothing was written.');
    expect(existsSync(out)).toBe(false);
  });
});
