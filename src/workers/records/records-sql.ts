// The files of src/io/records/sql, by name, built into the bundle as text (the CLI reads the same files from disk).
export const RECORDS_SQL: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob('../../io/records/sql/*.sql', { query: '?raw', import: 'default', eager: true }),
  ).map(([path, text]) => [path.split('/').pop()!, text as string]),
);
