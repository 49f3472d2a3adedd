// Bytes → text: UTF-8 with or without a byte order mark, else Windows-1252 (what "Latin-1" files saved
// by Excel and older exports really are). Strict UTF-8 decoding tells the two apart.
export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The input started with a UTF-8 byte order mark (removed from `text`). */
  bom: boolean;
}

export function decodeText(input: Uint8Array | string): DecodedText {
  if (typeof input === 'string') {
    const bom = input.charCodeAt(0) === 0xfeff;
    return { text: bom ? input.slice(1) : input, encoding: 'utf-8', bom };
  }
  const bom = input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const body = bom ? input.subarray(3) : input;
  try {
    // fatal: true makes invalid UTF-8 throw instead of turning into U+FFFD, which is how Latin-1 is detected.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    // Browsers decode windows-1252 as the WHATWG standard says, but Node decodes bytes 0x80–0x9F as
    // ISO-8859-1 control characters; mapping them afterwards gives "€" and curly quotes in both.
    const text = new TextDecoder('windows-1252').decode(body).replace(/[\u0080-\u009f]/g, (c) => {
      return WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c;
    });
    return { text, encoding: 'windows-1252', bom };
  }
}

// Bytes 0x80–0x9F of windows-1252; the five bytes it leaves undefined stay the C1 characters.
const WINDOWS_1252_HIGH: readonly string[] = [
  '\u20ac',
  '\u0081',
  '\u201a',
  '\u0192',
  '\u201e',
  '\u2026',
  '\u2020',
  '\u2021',
  '\u02c6',
  '\u2030',
  '\u0160',
  '\u2039',
  '\u0152',
  '\u008d',
  '\u017d',
  '\u008f',
  '\u0090',
  '\u2018',
  '\u2019',
  '\u201c',
  '\u201d',
  '\u2022',
  '\u2013',
  '\u2014',
  '\u02dc',
  '\u2122',
  '\u0161',
  '\u203a',
  '\u0153',
  '\u009d',
  '\u017e',
  '\u0178',
];
