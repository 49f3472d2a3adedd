// Bundle migrations: each step takes version N to N+1 as a small pure function, so a file written by any
// earlier Forgemap opens in this one. Version 1 is the first; later versions add a step here.
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../domain/model.ts';
import type { Issue, Result } from '../domain/issues.ts';
import { describeValue } from './describe-value.ts';

type RawBundle = Record<string, unknown>;
export type MigrationStep = (bundle: RawBundle) => { bundle: RawBundle; issues: Issue[] };

/** `steps[n]` migrates version n to n + 1. Empty while version 1 is the only version. */
export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the envelope (`format`, `version`) and brings the bundle to the current version. */
export function migrateBundle(
  raw: unknown,
  steps: Readonly<Record<number, MigrationStep>> = MIGRATIONS,
  target: number = BUNDLE_VERSION,
): Result<RawBundle> {
  if (!isPlainObject(raw)) {
    return fail(`The file is not a Forgemap bundle: expected a JSON object, found ${describeValue(raw)}.`);
  }
  if (raw.format !== BUNDLE_FORMAT) {
    return fail(
      `The file is not a Forgemap bundle: "format" should be "${BUNDLE_FORMAT}", found ${describeValue(raw.format)}.`,
      'format',
    );
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(
      `The bundle's "version" should be a whole number from 1, found ${describeValue(version)}.`,
      'version',
    );
  }
  if (version > target) {
    return fail(
      `This bundle is format version ${version}, made by a newer Forgemap; this one reads versions up to ${target}.`,
      'version',
    );
  }
  let bundle: RawBundle = raw;
  const issues: Issue[] = [];
  for (let v = version; v < target; v++) {
    const step = steps[v];
    if (step === undefined) return fail(`No migration from bundle version ${v} to ${v + 1}.`, 'version');
    const migrated = step(bundle);
    bundle = { ...migrated.bundle, version: v + 1 };
    issues.push(...migrated.issues);
  }
  if (version < target) {
    issues.push({ severity: 'info', message: `Upgraded the bundle from version ${version} to ${target}.` });
  }
  return { value: bundle, issues };
}

function fail(message: string, path?: string): Result<RawBundle> {
  return { value: null, issues: [{ severity: 'error', message, path }] };
}
