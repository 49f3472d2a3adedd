// Fetches a dataset file from the app's origin and loads it with the same code the CLI uses.
import type { Bundle } from '../domain/model.ts';
import type { Result } from '../domain/issues.ts';
import { parseJson } from '../io/parse-json.ts';
import { bundleCode } from './bundle-code.ts';

export async function fetchBundle(
  url: string,
  label: string,
  knownRegionIds: ReadonlySet<string>,
  signal?: AbortSignal,
): Promise<Result<Bundle>> {
  // Its code loads while the file comes.
  const code = bundleCode();
  let text: string;
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) {
      return fail(`Could not load ${label}: the server answered ${response.status} ${response.statusText}.`);
    }
    text = await response.text();
  } catch (error) {
    if (signal?.aborted === true) return { value: null, issues: [] };
    return fail(`Could not load ${label}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const parsed = parseJson(text, label);
  if (parsed.value === null) return { value: null, issues: parsed.issues };
  const { loadBundle } = await code;
  return loadBundle(parsed.value, { knownRegionIds });
}

function fail(message: string): Result<Bundle> {
  return { value: null, issues: [{ severity: 'error', message }] };
}
