import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/api/base64url';
import { GUEST_KEY_PATTERN, isGuestKey, newGuestKey } from '../../src/api/guest-key';
import { newIdempotencyKey } from '../../src/api/idempotency';
import { createUrlBuilder, InvalidBaseUrlError, UnsafePathError } from '../../src/api/url';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newGuestKey', () => {
  it('is 43 base64url characters that the server accepts, different every time', () => {
    const keys = Array.from({ length: 50 }, newGuestKey);
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(key).toMatch(GUEST_KEY_PATTERN);
      expect(isGuestKey(key)).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('rejects malformed keys', () => {
    expect(isGuestKey('short')).toBe(false);
    expect(isGuestKey('a'.repeat(129))).toBe(false);
    expect(isGuestKey(`${'a'.repeat(40)}+/=`)).toBe(false);
    expect(isGuestKey(42)).toBe(false);
  });
});

describe('toBase64Url', () => {
  it.each([
    [[], ''],
    [[0xff], '_w'],
    [[0xfb, 0xff], '-_8'],
    [[1, 2, 3], 'AQID'],
  ])('encodes %j as %j, like Node', (bytes, expected) => {
    expect(toBase64Url(new Uint8Array(bytes))).toBe(expected);
    expect(Buffer.from(bytes).toString('base64url')).toBe(expected);
  });

  it('matches Node for random bytes', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });
});

describe('newIdempotencyKey', () => {
  it('is a UUID v4', () => {
    expect(newIdempotencyKey()).toMatch(UUID_V4);
  });

  it('falls back to getRandomValues where randomUUID is missing (plain-http pages)', () => {
    // randomUUID lives on Crypto.prototype in Node: an own property hides it, deleting it restores it.
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = Array.from({ length: 20 }, newIdempotencyKey);
      for (const key of keys) expect(key).toMatch(UUID_V4);
      expect(new Set(keys).size).toBe(20);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(newIdempotencyKey()).toMatch(UUID_V4);
  });
});

describe('createUrlBuilder', () => {
  it('keeps the base path (with or without a trailing slash)', () => {
    expect(createUrlBuilder('https://s.example.ru/api/v1').build('tickets').href).toBe('https://s.example.ru/api/v1/tickets');
    expect(createUrlBuilder('https://s.example.ru/api/v1/').build('tickets', 'abc', 'events').href).toBe(
      'https://s.example.ru/api/v1/tickets/abc/events',
    );
  });

  it('encodes ids so they cannot add a path, a query or another host', () => {
    const urls = createUrlBuilder('https://s.example.ru/api/v1');
    expect(urls.build('tickets', 'a/../../x?y#z').href).toBe('https://s.example.ru/api/v1/tickets/a%2F..%2F..%2Fx%3Fy%23z');
    expect(urls.build('tickets', '//evil.example').origin).toBe('https://s.example.ru');
    expect(() => urls.build('tickets', '..')).toThrow(UnsafePathError);
    expect(() => urls.build('tickets', '.')).toThrow(UnsafePathError);
    expect(() => urls.build('tickets', '')).toThrow(UnsafePathError);
  });

  it.each(['not a url', '/api/v1', 'javascript:alert(1)', 'ftp://s.example.ru/', 'https://u:p@s.example.ru/', 'https://s.example.ru/?a=1', 'https://s.example.ru/#x'])(
    'refuses the base %j',
    (base) => expect(() => createUrlBuilder(base)).toThrow(InvalidBaseUrlError),
  );
});
