// The hard limits of an import: bigger inputs get a clear message instead of a frozen or crashed tab.
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_ROWS = 2_000_000;
/** Issues of one reason kept in full; past this only the count grows, so a broken file cannot exhaust memory. */
export const MAX_ISSUES_PER_REASON = 5_000;

/** "200 MB", "1.4 GB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
