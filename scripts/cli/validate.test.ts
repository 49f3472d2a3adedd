import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../forgemap.ts';

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'forgemap-cli-'));
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

const meta = { id: 'x', title: 'X', source: 's', license: 'CC0-1.0', asOf: '2026-01-01', synthetic: true };

describe('forgemap validate', () => {
  it('prints the counts of a valid bundle and exits 0', async () => {
    const file = await tempFile(
      'ok.json',
      JSON.stringify({
        format: 'forgemap.bundle',
        version: 1,
        meta,
        organizations: [
          { id: 'a', name: 'A', kind: 'manufacturer' },
          { id: 'b', name: 'B', kind: 'prime' },
        ],
        links: [{ source: 'a', target: 'b', kind: 'supplies' }],
        regions: [{ id: 'r', name: 'R', program: 'IMCP', counties: ['17031'] }],
      }),
    );
    expect(await run(['validate', file])).toEqual({
      lines: ['valid: 2 organizations, 1 links, 1 regions'],
      exitCode: 0,
    });
  });

  it('lists each issue with its path and exits 1', async () => {
    const file = await tempFile(
      'bad.json',
      JSON.stringify({
        format: 'forgemap.bundle',
        version: 1,
        meta,
        organizations: [{ id: 'a', name: 'A', kind: 'manufacturer', lat: 291.3, lon: 0 }],
        links: [{ source: 'a', target: 'zz', kind: 'supplies' }],
      }),
    );
    const { lines, exitCode } = await run(['validate', file]);
    expect(exitCode).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('organizations[0].lat: ');
    expect(lines[0]).toContain('latitude 291.3 is outside -90…90');
    expect(lines[1]).toContain('links[0]: ');
    expect(lines[2]).toBe(`invalid: ${file} has 2 errors`);
  });

  it('says where a JSON syntax error is', async () => {
    const file = await tempFile('syntax.json', '{\n "format": "forgemap.bundle",\n}');
    const { lines, exitCode } = await run(['validate', file]);
    expect(exitCode).toBe(1);
    expect(lines[0]).toMatch(/not valid JSON at line 3, column 1/);
  });

  it('explains a missing file and bad usage with exit code 2', async () => {
    expect((await run(['validate', '/no/such/file.json'])).exitCode).toBe(2);
    expect((await run(['validate'])).errors?.[0]).toBe('forgemap: validate takes exactly one file');
    expect((await run(['frobnicate'])).errors?.[0]).toBe('forgemap: unknown command "frobnicate"');
  });
});
