// What a CLI command produces: lines for standard output, lines for standard error, and an exit code.
export interface CommandOutput {
  lines: string[];
  errors?: string[] | undefined;
  exitCode: number;
}
