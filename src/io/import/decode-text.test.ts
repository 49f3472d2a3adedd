import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Müller')]);
    expect(decodeText(bytes)).toEqual({ text: 'Müller', encoding: 'utf-8', bom: true });
  });
  it('reads bytes that are not UTF-8 as Windows-1252, euro sign and curly quotes included', () => {
    // "Café €" and a right single quote in windows-1252: é = E9, € = 80, ’ = 92.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x92]);
    expect(decodeText(bytes)).toEqual({ text: 'Café €\u2019', encoding: 'windows-1252', bom: false });
  });
  it('takes text as it is, minus a byte order mark', () => {
    expect(decodeText('\ufeffname')).toEqual({ text: 'name', encoding: 'utf-8', bom: true });
  });
});
