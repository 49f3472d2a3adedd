import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json.ts';

describe('parseJson', () => {
  it('parses JSON, with or without a byte order mark', () => {
    expect(parseJson('{"a":1}')).toEqual({ value: { a: 1 }, issues: [] });
    expect(parseJson('\uFEFF[1,2]')).toEqual({ value: [1, 2], issues: [] });
  });

  it('reports a syntax error with its line and column', () => {
    const { value, issues } = parseJson('{\n  "a": 1,\n  oops\n}', 'x.json');
    expect(value).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.file).toBe('x.json');
    expect(issues[0]?.message).toMatch(/^The file is not valid JSON at line 3, column 3/);
  });

  it('says an empty file is empty', () => {
    expect(parseJson('  \n').issues[0]?.message).toBe('The file is empty.');
  });
});
