// Saves a Blob as a file: an object URL on a temporary <a download>, the one way that works offline in
// every browser without a server round trip.

/** Object URLs are revoked after this long: revoking at once can cancel a download some browsers start late. */
const REVOKE_AFTER_MS = 30_000;

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
