// Text and identifiers made safe for XML 1.0, shared by the GEXF and GraphML writers: escaping, characters
// XML cannot carry at all, and a reversible encoding of ids into the characters an XML id may use.

/** Characters XML 1.0 forbids even as character references: most C0 controls, lone surrogates, U+FFFE/F. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Replaces characters XML cannot carry with U+FFFD. The only lossy step of the XML exports, and it only
 * touches characters no XML reader could have read back anyway.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/**
 * Line ends a reader may rewrite: a raw CR becomes LF in any XML parser, and U+0085 and U+2028 become LF in
 * XML 1.1 parsers and in xmldom (which graphology's Node parsers use) even for XML 1.0 documents. Written
 * as character references they survive every reader.
 */
const LINE_END = /[\r\u0085\u2028]/g;
const reference = (ch: string) => `&#${ch.charCodeAt(0)};`;

/** Escapes for element content. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(LINE_END, reference);
}

/** Escapes for a double-quoted attribute value; tab and LF as references survive attribute normalization. */
export function escapeXmlAttribute(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/[\t\n]/g, reference)
    .replace(LINE_END, reference);
}

/** A character allowed in an XML NMTOKEN (XML 1.0 `NameChar`), the type of GraphML node ids. */
export const NAME_CHAR =
  /^[-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]$/u;
/** Any character XML 1.0 can carry, the rule for GEXF ids (plain strings). */
export const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u;

/**
 * The members of `Object.prototype`. JavaScript graph readers keep adjacency in plain objects keyed by node
 * id: graphology 0.26 cannot link an edge to a node called "__proto__" (in a multigraph it even writes
 * `Object.prototype.previous`, breaking every `for…in` in the page), and mislinks "constructor" or
 * "toString". A fixed list rather than `Object.getOwnPropertyNames`, so every browser writes the same bytes.
 */
export const OBJECT_PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

const escape = (ch: string) => `_x${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * Encodes an id with only characters matching `allowed`: any other character becomes `_xHHHH_` (its code
 * point in hex, as .NET's XmlConvert does), and every `_x` becomes `_x005F_x` so the encoding is reversible
 * and two different ids never collide. An id that names a member of `Object.prototype` gets its first
 * character encoded too ("__proto__" → "_x005F__proto__"), so it is an ordinary key for JavaScript readers.
 * Other ids made of allowed characters without `_x` stay as they are.
 */
export function encodeXmlId(id: string, allowed: RegExp): string {
  const chars = Array.from(id);
  const guardFirst = OBJECT_PROTOTYPE_KEYS.has(id);
  let out = '';
  chars.forEach((ch, i) => {
    if (i === 0 && guardFirst) out += escape(ch);
    else if (ch === '_' && chars[i + 1] === 'x') out += '_x005F_';
    else if (allowed.test(ch)) out += ch;
    else out += escape(ch);
  });
  return out;
}

/** The inverse of `encodeXmlId`, for importers; sequences that name no character are left as they are. */
export function decodeXmlId(encoded: string): string {
  return encoded.replace(/_x([0-9A-F]{4,6})_/g, (match, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}
