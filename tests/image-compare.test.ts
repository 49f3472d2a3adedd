// The render tests' baseline rule: a missing baseline fails with a message saying how to make one, and
// nothing is written into the tree unless UPDATE=1 asks for it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compareWithBaseline } from './e2e/image-compare.ts';

describe('compareWithBaseline', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fails when the baseline is missing, says how to create it, and writes nothing', async () => {
    vi.stubEnv('UPDATE', '');
    const dir = mkdtempSync(join(tmpdir(), 'forgemap-baseline-'));
    dirs.push(dir);
    const baseline = join(dir, 'view.png');
    // No page is needed: the missing baseline is found before anything is drawn.
    const page = {} as Page;
    await expect(compareWithBaseline(page, Buffer.from([1, 2, 3]), baseline, 32)).rejects.toThrow(
      /No screenshot baseline at .*view\.png.*UPDATE=1 npm run test:e2e/,
    );
    expect(existsSync(baseline)).toBe(false);
  });
});
