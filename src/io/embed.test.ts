import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEmbedded, encodeEmbedded, fromBase64Url, toBase64Url } from './embed.ts';

describe('base64url', () => {
  it.each([
    [[], ''],
    [[0xfb, 0xff], '-_8'],
    [[0x66, 0x6f, 0x6f], 'Zm9v'],
    [[0x66, 0x6f], 'Zm8'],
  ])('writes %j as %s, without padding, and reads it back', (bytes, text) => {
    expect(toBase64Url(new Uint8Array(bytes))).toBe(text);
    expect([...fromBase64Url(text)!]).toEqual(bytes);
  });

  it.each(['a+b/', 'ab=c', 'a', 'é', 'a b'])('rejects %j', (text) => {
    expect(fromBase64Url(text)).toBeNull();
  });

  it('round-trips every byte value across chunk boundaries', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
  });
});

describe('encodeEmbedded / decodeEmbedded', () => {
  it('round-trips text with non-ASCII characters and markup', async () => {
    const text = JSON.stringify({ name: 'Fähr <img src=x onerror=alert(1)> & Söhne', n: [1, 2, 3] });
    const { payload, bytes } = await encodeEmbedded(text);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(bytes).toBe(fromBase64Url(payload)!.length);
    expect(await decodeEmbedded(payload)).toEqual({ value: text, issues: [] });
  });

  it('is standard deflate-raw (readable by zlib)', async () => {
    const payload = toBase64Url(deflateRawSync(Buffer.from('hello, hello, hello')));
    expect((await decodeEmbedded(payload)).value).toBe('hello, hello, hello');
  });

  it('compresses repetitive JSON well below its size', async () => {
    const text = JSON.stringify(
      Array.from({ length: 500 }, (_, i) => ({ id: `org-${i}`, kind: 'manufacturer' })),
    );
    const { bytes } = await encodeEmbedded(text);
    expect(bytes).toBeLessThan(text.length / 5);
  });

  it.each([
    ['not base64url', '***', /not valid base64url/],
    ['empty', '', /not valid base64url/],
    ['garbage bytes', toBase64Url(new Uint8Array([0xff, 0xfe, 0xfd, 0xfc, 0xfb])), /does not decompress/],
  ])('says the link is damaged when it is %s', async (_what, payload, message) => {
    const result = await decodeEmbedded(payload);
    expect(result.value).toBeNull();
    expect(result.issues[0]?.message).toMatch(message);
  });

  it('says a truncated payload is damaged', async () => {
    const { payload } = await encodeEmbedded('x'.repeat(10_000) + Math.random().toString(36).repeat(200));
    const result = await decodeEmbedded(payload.slice(0, Math.floor(payload.length / 2)));
    expect(result.value).toBeNull();
    expect(result.issues[0]?.message).toMatch(/damaged/);
  });

  it('stops inflating a bomb at the limit', async () => {
    // 10 MB of zeros deflate to about 10 KB.
    const payload = toBase64Url(deflateRawSync(Buffer.alloc(10 * 1024 * 1024)));
    const result = await decodeEmbedded(payload, 1024 * 1024);
    expect(result.value).toBeNull();
    expect(result.issues[0]?.message).toMatch(/more than 1 MB/);
  });

  it('rejects text that is not UTF-8', async () => {
    const payload = toBase64Url(deflateRawSync(Buffer.from([0xc3, 0x28])));
    expect((await decodeEmbedded(payload)).issues[0]?.message).toMatch(/not UTF-8/);
  });
});
