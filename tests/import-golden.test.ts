// Golden import cases: every `tests/golden/import/<format>/<case>.input.*` is imported (several inputs of
// one case together, in name order; `<case>.base.json` as the open dataset) and compared with
// `<case>.output.json`. `UPDATE=1 npx vitest run --project unit tests/import-golden.test.ts` rewrites
// the outputs; review each diff by hand, the expected values must be right, not merely what the code did.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createZipGeocoder } from '../src/geo/zip-geocoder.ts';
import { loadBundle } from '../src/io/load-bundle.ts';
import { importFiles } from '../src/io/import/import-files.ts';
import type { ImportOutcome } from '../src/io/import/import-files.ts';
import { readOnEngine } from '../src/io/import/engine-files.ts';
import { openNodeHost } from '../scripts/cli/duck.ts';

const ROOT = join(import.meta.dirname, 'golden', 'import');
const UPDATE = process.env.UPDATE === '1';
const zipGeocoder = createZipGeocoder(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'reference', 'zips.json'), 'utf8')),
).geocoder;

function cases(format: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of readdirSync(join(ROOT, format)).sort()) {
    const match = /^(.+?)\.input\./.exec(name);
    if (match?.[1] === undefined) continue;
    out.set(match[1], [...(out.get(match[1]) ?? []), name]);
  }
  return out;
}

/** What a golden output holds: the bundle, positions, the report's counts and every listed issue. */
function golden(outcome: ImportOutcome): unknown {
  const { report } = outcome;
  return JSON.parse(
    JSON.stringify({
      bundle: outcome.value?.bundle ?? null,
      positions:
        outcome.value !== null && outcome.value.positions.length > 0 ? outcome.value.positions : undefined,
      report: {
        organizations: report.organizations,
        links: report.links,
        totals: report.totals,
        files: report.files.map(({ file, format, rows, accepted, fixed, rejected }) => ({
          file,
          format,
          rows,
          accepted,
          fixed,
          rejected,
        })),
      },
      issues: outcome.issues.map(({ severity, reason, file, row, column, path, value, message }) => ({
        severity,
        reason,
        file,
        row,
        column,
        path,
        value,
        message,
      })),
    }),
  );
}

for (const format of readdirSync(ROOT).sort()) {
  describe(`import golden: ${format}`, () => {
    for (const [name, inputs] of cases(format)) {
      it(name, async () => {
        const basePath = join(ROOT, format, `${name}.base.json`);
        const base = existsSync(basePath)
          ? loadBundle(JSON.parse(readFileSync(basePath, 'utf8'))).value
          : null;
        const files = inputs.map((input) => ({
          name: input,
          data: new Uint8Array(readFileSync(join(ROOT, format, input))),
        }));
        const outcome = importFiles(await readOnEngine(files, {}, openNodeHost), {
          zipGeocoder,
          base,
          today: '2026-06-01',
        });
        const actual = golden(outcome);
        const outputPath = join(ROOT, format, `${name}.output.json`);
        if (UPDATE) writeFileSync(outputPath, `${JSON.stringify(actual, null, 2)}\n`);
        expect(existsSync(outputPath), `${outputPath} is missing; run with UPDATE=1 and review it`).toBe(
          true,
        );
        expect(actual).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')));
        // Whatever a case holds, what comes out is a bundle the loader accepts without an error.
        if (outcome.value !== null) {
          const again = loadBundle(JSON.parse(JSON.stringify(outcome.value.bundle)));
          expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
        }
        expect(outcome.issues.every((issue) => issue.message.trim() !== '')).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }
  });
}
