// The Forgemap command line: `npm run forgemap -- <command> …`, built on the same src/ code as the app.
import { validateCommand } from './cli/validate.ts';
import type { CommandOutput } from './cli/validate.ts';

const USAGE = `Usage: npm run forgemap -- <command> [options]

Commands:
  validate <bundle.json>   check a Forgemap bundle; prints "valid: …" or the issues with their paths
  help                     show this text`;

export async function run(argv: string[]): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate': {
      const [file, ...extra] = rest;
      if (file === undefined || extra.length > 0) return usage('validate takes exactly one file');
      return validateCommand(file);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { lines: [USAGE], exitCode: command === undefined ? 2 : 0 };
    default:
      return usage(`unknown command "${command}"`);
  }
}

function usage(problem: string): CommandOutput {
  return { lines: [`forgemap: ${problem}`, '', USAGE], exitCode: 2 };
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { lines, exitCode } = await run(process.argv.slice(2));
  const out = exitCode === 0 ? process.stdout : process.stderr;
  out.write(`${lines.join('\n')}\n`);
  process.exitCode = exitCode;
}
