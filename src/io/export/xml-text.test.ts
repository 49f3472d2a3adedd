import { describe, expect, it } from 'vitest';
import {
  NAME_CHAR,
  OBJECT_PROTOTYPE_KEYS,
  XML_CHAR,
  decodeXmlId,
  encodeXmlId,
  escapeXmlAttribute,
  escapeXmlText,
  xmlSafe,
} from './xml-text.ts';

describe('xmlSafe', () => {
  it('replaces characters XML 1.0 cannot carry and keeps everything else', () => {
    expect(xmlSafe('a\u0000b\u0001c\u000Bd\uFFFEe\uD800f')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(xmlSafe('tab\t lf\n cr\r 工厂 🏭 \u2028')).toBe('tab\t lf\n cr\r 工厂 🏭 \u2028');
  });
});

describe('escapeXmlText and escapeXmlAttribute', () => {
  it('escape markup characters', () => {
    expect(escapeXmlText('<a href="x">&</a>\r')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;&#13;');
    expect(escapeXmlAttribute('<"&\'>\t\n\r')).toBe("&lt;&quot;&amp;'>&#9;&#10;&#13;");
  });

  it('write the line ends XML 1.1 readers rewrite (NEL, LINE SEPARATOR) as references', () => {
    expect(escapeXmlText('a\u0085b\u2028c\u2029d')).toBe('a&#133;b&#8232;c\u2029d');
    expect(escapeXmlAttribute('a\u0085b\u2028c')).toBe('a&#133;b&#8232;c');
  });
});

describe('encodeXmlId', () => {
  it.each([
    ['chicago-prime-01', 'chicago-prime-01'],
    ['a b', 'a_x0020_b'],
    ['a/b', 'a_x002F_b'],
    ['_x', '_x005F_x'],
    ['__proto__', '_x005F__proto__'],
    ['constructor', '_x0063_onstructor'],
    ['toString', '_x0074_oString'],
    ['proto', 'proto'],
    ['constructors', 'constructors'],
    ['🏭', '🏭'],
    ['\uD800', '_xD800_'],
  ])('writes %j as the NMTOKEN %j', (id, encoded) => {
    expect(encodeXmlId(id, NAME_CHAR)).toBe(encoded);
  });

  it('keeps spaces and punctuation in plain XML text, encoding only what XML cannot carry', () => {
    expect(encodeXmlId('a b/c\u0001', XML_CHAR)).toBe('a b/c_x0001_');
  });

  it('guards every member name of Object.prototype', () => {
    expect([...OBJECT_PROTOTYPE_KEYS].sort()).toEqual(Object.getOwnPropertyNames(Object.prototype).sort());
  });

  it.each([
    '__proto__',
    'constructor',
    'hasOwnProperty',
    'a b',
    '_x0041_',
    '_x0041__x',
    'x_x_x',
    '\u0001ABCD_',
    '🏭 x',
    '_x',
    'a_x005F_b',
    '\uDFFF\uD800',
  ])('decodes the encoding of %j back to it', (id) => {
    expect(decodeXmlId(encodeXmlId(id, NAME_CHAR))).toBe(id);
    expect(decodeXmlId(encodeXmlId(id, XML_CHAR))).toBe(id);
  });

  it('leaves sequences that name no character alone when decoding', () => {
    expect(decodeXmlId('_xFFFFFF_')).toBe('_xFFFFFF_');
  });
});
