// The build-region budget of DESIGN.md §7 (issue 17): ~1 GB of generated contract prime transactions and 300k
// subawards → bundle in ≤ 30 s with a peak memory ≤ 2 GB, on this machine. The files are generated once into
// the system's temporary folder (seeded, so the same bytes each time) and kept for later runs.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRecords } from '../records/generate.ts';

export const RECORDS_BUDGET = { ms: 30_000, rssMb: 2048 };

export interface RecordsBenchResult {
  primeMb: number;
  subawardsMb: number;
  runs: { ms: number; maxRssMb: number }[];
  summary: string;
}

export function benchRecords(options: {
  transactions: number;
  subawards: number;
  runs: number;
}): RecordsBenchResult {
  const dir = join(os.tmpdir(), `forgemap-bench-records-${options.transactions}-${options.subawards}`);
  const prime = join(dir, 'Contracts_PrimeTransactions_generated.csv');
  const subawards = join(dir, 'Contracts_Subawards_generated.csv');
  if (!existsSync(prime) || !existsSync(subawards))
    generateRecords({ transactions: options.transactions, subawards: options.subawards, out: dir, seed: 42 });
  const runner = fileURLToPath(new URL('./records-run.ts', import.meta.url));
  const runs: { ms: number; maxRssMb: number }[] = [];
  let summary = '';
  for (let i = 0; i < options.runs; i++) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', runner, join(dir, 'bundle.json'), prime, subawards],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    const line = JSON.parse(out.trim().split('\n').at(-1)!) as {
      ms: number;
      maxRssMb: number;
      exitCode: number;
      errors: string[];
      summary: string;
    };
    if (line.exitCode !== 0) throw new Error(`build-region failed: ${line.errors.join('; ')}`);
    runs.push({ ms: line.ms, maxRssMb: line.maxRssMb });
    summary = line.summary;
  }
  const mb = (file: string) => statSync(file).size / 2 ** 20;
  return { primeMb: mb(prime), subawardsMb: mb(subawards), runs, summary };
}
