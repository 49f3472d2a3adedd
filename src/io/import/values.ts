// Reading cell text as typed values the way people write them in spreadsheets: "$1,250.00", "41,88" in a
// semicolon file, "332710.0" from Excel, "60601-1234". Each reader returns the value or a plain reason.
export type Read<T> = { ok: true; value: T; fixed?: string | undefined } | { ok: false; problem: string };

const ok = <T>(value: T, fixed?: string): Read<T> => ({ ok: true, value, fixed });
const bad = <T>(problem: string): Read<T> => ({ ok: false, problem });

/** A value quoted for a message: `"6060"`, shortened when long. */
export function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return `"${shown}"`;
}

/**
 * A number as written in a cell. `decimalComma` is true for semicolon- and tab-separated files from
 * locales that write 41,88; otherwise a comma is read only as a thousands separator ("1,250,000").
 */
export function readNumber(raw: string, decimalComma = false): Read<number> {
  let text = raw
    .trim()
    .replace(/^\$|^USD\s*/i, '')
    .replace(/[\s\u00a0]/g, '');
  if (text === '') return bad('is empty');
  let negative = false;
  // Accounting style: (1,250.00) means minus 1,250.00.
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).replace(/^\$/, '');
  }
  if (decimalComma) {
    const lastComma = text.lastIndexOf(',');
    const lastDot = text.lastIndexOf('.');
    if (lastComma > lastDot) text = text.replace(/\./g, '').replace(',', '.');
    else if (lastComma !== -1) text = text.replace(/,/g, '');
  } else if (text.includes(',')) {
    if (!/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return bad('is not a number');
    text = text.replace(/,/g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return bad('is not a number');
  const value = Number(text);
  if (!Number.isFinite(value)) return bad('is not a finite number');
  return ok(negative ? -value : value);
}

/** Splits a list cell on semicolons, pipes or commas (whichever the cell uses), trimming and dropping blanks. */
export function splitList(raw: string): string[] {
  const separator = /[;|]/.test(raw) ? /[;|]/ : /,/;
  return raw
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A 6-digit NAICS code; "332710.0" (a number that went through Excel) is repaired. */
export function readNaics(raw: string): Read<string> {
  const text = raw.trim();
  if (/^\d{6}$/.test(text)) return ok(text);
  const decimal = /^(\d{6})\.0+$/.exec(text);
  if (decimal?.[1] !== undefined) return ok(decimal[1], `${quote(text)} read as ${decimal[1]}`);
  if (/^\d{2,5}$/.test(text))
    return bad(`${quote(text)} is a ${text.length}-digit NAICS sector, not a 6-digit industry code`);
  return bad(`${quote(text)} is not a 6-digit NAICS code`);
}

/**
 * A 5-digit county FIPS code. Spreadsheets drop the leading zero of states 01–09 ("6037" → "06037");
 * a 3-digit county part is joined to the state FIPS when that is known.
 */
export function readCountyFips(raw: string, stateFips?: string): Read<string> {
  const text = raw.trim().replace(/\.0+$/, '');
  if (/^\d{5}$/.test(text)) return ok(text);
  if (/^\d{4}$/.test(text))
    return ok(text.padStart(5, '0'), `${quote(text)} padded to ${text.padStart(5, '0')}`);
  if (/^\d{1,3}$/.test(text) && stateFips !== undefined && /^\d{1,2}$/.test(stateFips.trim())) {
    const full = `${stateFips.trim().padStart(2, '0')}${text.padStart(3, '0')}`;
    return ok(full, `${quote(text)} with state FIPS ${stateFips.trim()} read as ${full}`);
  }
  return bad(`${quote(text)} is not a 5-digit county FIPS code`);
}

/** A ZIP or ZIP+4, written "60601" or "60601-1234"; "606011234" and "2139" (dropped zero) are repaired. */
export function readZip(raw: string): Read<string> {
  const text = raw.trim().replace(/\.0+$/, '');
  if (/^\d{5}(-\d{4})?$/.test(text)) return ok(text);
  const nine = /^(\d{5})\s?(\d{4})$/.exec(text);
  if (nine !== null) return ok(`${nine[1]}-${nine[2]}`, `${quote(text)} read as ${nine[1]}-${nine[2]}`);
  const dropped = /^(\d{3,4})(?:-?(\d{4}))?$/.exec(text);
  if (dropped?.[1] !== undefined) {
    const five = dropped[1].padStart(5, '0');
    const zip = dropped[2] === undefined ? five : `${five}-${dropped[2]}`;
    return ok(zip, `${quote(text)} padded to ${zip} (a spreadsheet had dropped the leading zero)`);
  }
  return bad(`${quote(text)} is not a 5-digit ZIP or ZIP+4`);
}

/** The 5-digit part of a ZIP already read by `readZip`. */
export function zip5(zip: string): string {
  return zip.slice(0, 5);
}

/** An identifier like a UEI (12) or CAGE code (5): letters and digits, upper-cased. */
const CODE_PATTERNS = new Map<number, RegExp>();

export function readCode(raw: string, length: number, what: string): Read<string> {
  const text = raw.trim().toUpperCase();
  let pattern = CODE_PATTERNS.get(length);
  if (pattern === undefined) {
    pattern = new RegExp(`^[A-Z0-9]{${length}}$`);
    CODE_PATTERNS.set(length, pattern);
  }
  if (pattern.test(text)) return ok(text);
  return bad(`${what} ${quote(raw.trim())} is not ${length} letters and digits`);
}

/** A whole number ≥ 0 such as a head count; "1,200" and "1200.0" are read, ranges like "50-99" are not. */
export function readCount(raw: string, max: number): Read<number> {
  const number = readNumber(raw);
  if (!number.ok) return bad(`${quote(raw.trim())} ${number.problem}`);
  if (!Number.isInteger(number.value)) return bad(`${quote(raw.trim())} is not a whole number`);
  if (number.value < 0 || number.value > max) return bad(`${number.value} is outside 0…${max}`);
  return ok(number.value);
}

/**
 * A name reduced to what tells firms apart: case, accents, punctuation, "&"/"and" and legal suffixes
 * (Inc, LLC, Corp, …) removed, so "Acme Tool & Die, Inc." and "ACME TOOL AND DIE INC" compare equal.
 */
export function normalizeName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Dots go first so that "L.L.C." and "Inc." become the words "llc" and "inc".
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ');
}

const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'lc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'pc',
  'pllc',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'srl',
]);

/** A lowercase id usable as a capability or organization id: "5-Axis Machining" → "5-axis-machining". */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
