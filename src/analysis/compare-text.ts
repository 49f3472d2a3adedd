// Code-unit string order, independent of the locale, so results list the same way on every machine.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
