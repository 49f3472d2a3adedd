// The Forgemap command line: `npm run forgemap -- <command> …`, built on the same src/ code as the app.
import { parseArgs } from 'node:util';
import type { ParseArgsOptionsConfig } from 'node:util';
import { analyzeCommand } from './cli/analyze.ts';
import { buildRegionCommand } from './cli/build-region.ts';
import { EXPORT_FORMATS, exportCommand, isExportFormat, isRedactionProfile } from './cli/export.ts';
import { REDACTION_PROFILES } from '../src/domain/model.ts';
import { importCommand, parseFormats } from './cli/import.ts';
import type { CommandOutput } from './cli/output.ts';
import { validateCommand } from './cli/validate.ts';

const USAGE = `Usage: npm run forgemap -- <command> [options]

Commands:
  validate <bundle.json>             check a bundle; prints "valid: …" or the issues with their paths
  analyze <bundle.json> [options]    the gap analysis of one region
      --region <id>                  home region (default: the bundle's meta.homeRegion)
      --remove <id,id,…>             what-if: take these organizations out and report what changes
      --json                         versioned JSON instead of text (see README)
      --limit <n>                    rows per list in the text report (default 25, 0 = all)
  import <file> [<file2>] -o <bundle.json> [options]
                                     import CSV (organizations, links), USAspending Subawards CSV,
                                     GEXF, GraphML, GeoJSON, JSON lists of organizations and links,
                                     or a bundle; prints the report
      -o, --output <bundle.json>     where to write the imported bundle (required)
      --format <name>[,<name>]       skip detection: bundle, json-tables, organizations, links,
                                     subawards, gexf, graphml, geojson (one for all files, or one
                                     per file)
      --report <report.csv>          also write the per-row report as CSV
  build-region <file>… -o <bundle.json> (--region <id> | --counties <fips,…>)
                                     a region's bundle from USAspending downloads: contract prime
                                     transactions (Contracts_PrimeTransactions_*.csv) and, optionally,
                                     contract subawards; prints the region's DoD headline
      --region <id>                  a region of data/reference/regions.json (e.g. imcp-chicago-metro-metal)
      --counties <fips,fips,…>       or the region's 5-digit county FIPS codes
      --limit <n>                    rows per list in the headline (default 10)
  export <bundle.json> -o <file> [options]
                                     the bundle as shared: redacted to a profile, marked, in a format
      --profile full|partner|public  full: everything; partner: names kept, dollar values only as
                                     bands, UEI, CAGE, addresses, websites and notes removed;
                                     public: no firm named (numbered at their county), links as
                                     county-to-county flows in bands, the home region's gap list,
                                     cells of fewer than 3 firms suppressed (default full)
      --format <name>                bundle, csv (organizations), geojson, gexf, graphml
                                     (default bundle)
      --marking <text>               a line printed on the export, e.g. "Internal - do not distribute"
      -o, --output <file>            where to write it (required)
  help                               show this text`;

export async function run(argv: string[]): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate': {
      const [file, ...extra] = rest;
      if (file === undefined || extra.length > 0) return usage('validate takes exactly one file');
      return validateCommand(file);
    }
    case 'analyze': {
      const parsed = parseOptions(rest, {
        region: { type: 'string' },
        remove: { type: 'string' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string', default: '25' },
      });
      if ('exitCode' in parsed) return parsed;
      const { positionals, values } = parsed;
      const [file, ...extra] = positionals;
      if (file === undefined || extra.length > 0) return usage('analyze takes exactly one bundle file');
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 0)
        return usage(`--limit must be a whole number ≥ 0, not "${values.limit}"`);
      return analyzeCommand({
        file,
        region: values.region,
        remove: (values.remove ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
        json: values.json,
        limit,
      });
    }
    case 'import': {
      const parsed = parseOptions(rest, {
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        report: { type: 'string' },
      });
      if ('exitCode' in parsed) return parsed;
      const { positionals, values } = parsed;
      if (positionals.length === 0 || positionals.length > 2) return usage('import takes one or two files');
      if (values.output === undefined) return usage('import needs -o <bundle.json>');
      const formats = values.format === undefined ? [] : parseFormats(values.format);
      if (typeof formats === 'string') return usage(formats);
      if (formats.length > 1 && formats.length !== positionals.length)
        return usage(`--format names ${formats.length} formats for ${positionals.length} files`);
      return importCommand({ files: positionals, formats, output: values.output, report: values.report });
    }
    case undefined:
    case 'build-region': {
      const parsed = parseOptions(rest, {
        output: { type: 'string', short: 'o' },
        region: { type: 'string' },
        counties: { type: 'string' },
        limit: { type: 'string', default: '10' },
      });
      if ('exitCode' in parsed) return parsed;
      const { positionals, values } = parsed;
      if (positionals.length === 0) return usage('build-region needs at least one download file');
      if (values.output === undefined) return usage('build-region needs -o <bundle.json>');
      if ((values.region === undefined) === (values.counties === undefined))
        return usage('build-region takes either --region <id> or --counties <fips,…>');
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 0)
        return usage(`--limit must be a whole number ≥ 0, not "${values.limit}"`);
      return buildRegionCommand({
        files: positionals,
        output: values.output,
        region: values.region ?? null,
        counties: (values.counties ?? '')
          .split(',')
          .map((c) => c.trim())
          .filter((c) => c !== ''),
        limit,
      });
    }
    case 'export': {
      const parsed = parseOptions(rest, {
        output: { type: 'string', short: 'o' },
        profile: { type: 'string', default: 'full' },
        format: { type: 'string', default: 'bundle' },
        marking: { type: 'string' },
      });
      if ('exitCode' in parsed) return parsed;
      const { positionals, values } = parsed;
      const [file, ...extra] = positionals;
      if (file === undefined || extra.length > 0) return usage('export takes exactly one bundle file');
      if (values.output === undefined) return usage('export needs -o <file>');
      if (!isRedactionProfile(values.profile))
        return usage(`--profile "${values.profile}" is not one of ${REDACTION_PROFILES.join(', ')}`);
      if (!isExportFormat(values.format))
        return usage(`--format "${values.format}" is not one of ${EXPORT_FORMATS.join(', ')}`);
      return exportCommand({
        file,
        profile: values.profile,
        format: values.format,
        output: values.output,
        marking: values.marking,
      });
    }
    case 'help':
    case '--help':
    case '-h':
      return { lines: [USAGE], exitCode: command === undefined ? 2 : 0 };
    default:
      return usage(`unknown command "${command}"`);
  }
}

/** The command's options and files, or the usage error parseArgs raised. */
function parseOptions<const T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>> | CommandOutput {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

function usage(problem: string): CommandOutput {
  return { lines: [], errors: [`forgemap: ${problem}`, '', USAGE], exitCode: 2 };
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { lines, errors = [], exitCode } = await run(process.argv.slice(2));
  // Written in pieces of about 1 MB: a big report has more lines than one string can hold.
  for (let start = 0; start < lines.length;) {
    let end = start;
    let size = 0;
    while (end < lines.length && size < 1 << 20) size += (lines[end++] ?? '').length + 1;
    process.stdout.write(`${lines.slice(start, end).join('\n')}\n`);
    start = end;
  }
  if (errors.length > 0) process.stderr.write(`${errors.join('\n')}\n`);
  process.exitCode = exitCode;
}
