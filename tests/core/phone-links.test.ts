import { describe, expect, it } from 'vitest';
import { completeUrl, formatPhone, isHttpUrl, normalizePhone, parseLmsLink, stripSecretsFromUrl } from '../../src/core';

describe('normalizePhone', () => {
  it.each([
    ['+7 912 345-67-89', '+79123456789'],
    ['8 (912) 345-67-89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['79123456789', '+79123456789'],
    ['9123456789', '+79123456789'],
    ['+7(495)1234567', '+74951234567'],
    ['8 800 100-08-62', '+78001000862'],
    ['  +7 912.345.67.89 ', '+79123456789'],
    // Another country's, written with its code; Kazakhstan shares +7.
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['+375 29 123-45-67', '+375291234567'],
    ['+7 701 234 56 78', '+77012345678'],
  ])('%s → %s', (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(['', '12345', '+8 912 345 67 89', '+8 800 123 45 67', '+44 20', '+1 212 555 0100 1234 567', '+0 212 555 0100', '891234567', '891234567890', 'телефон', '+7 112 345 67 89', '+7 912 345 67 8', '8 701 234 56 78', '+7 912 345 67 89 доб. 5'])(
    'refuses %j',
    (input) => expect(normalizePhone(input)).toBeNull(),
  );

  it('formats as +7 (XXX) XXX-XX-XX and leaves foreign input alone', () => {
    expect(formatPhone('89123456789')).toBe('+7 (912) 345-67-89');
    expect(formatPhone('abc')).toBe('abc');
    expect(formatPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
  });
});

describe('links', () => {
  it.each([
    ['https://lms.example.ru/courses/1', true],
    ['http://localhost:8787/x', true],
    ['javascript:alert(1)', false],
    ['ftp://example.ru/file', false],
    ['https://user:pass@example.ru/', false],
    ['lms.example.ru/courses/1', false],
    ['', false],
  ])('isHttpUrl(%j) = %s', (value, expected) => expect(isHttpUrl(value)).toBe(expected));

  it.each([
    ['romashka.uchi.pro', 'https://romashka.uchi.pro'],
    [' lms.example.ru/orders/ord-1?tab=2 ', 'https://lms.example.ru/orders/ord-1?tab=2'],
    ['сдо.учебныйцентр.рф/courses/1', 'https://сдо.учебныйцентр.рф/courses/1'],
    ['lms.example.ru:8443/x', 'https://lms.example.ru:8443/x'],
    // Left as typed: already a link, not an address, or another scheme (the check then says what is wrong).
    ['http://lms.example.ru', 'http://lms.example.ru'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['не помню ссылку', 'не помню ссылку'],
    ['localhost', 'localhost'],
    ['', ''],
  ])('completeUrl(%j) = %j', (value, expected) => {
    expect(completeUrl(value)).toBe(expected);
    if (expected.startsWith('https://')) expect(isHttpUrl(completeUrl(value))).toBe(true);
  });

  it.each([
    ['https://a.uchi.pro/courses/9f1c-22', { kind: 'course', courseId: '9f1c-22', url: 'https://a.uchi.pro/courses/9f1c-22' }],
    ['https://a.uchi.pro/courses/9f1c/lessons/17?tab=1#x', { kind: 'lesson', courseId: '9f1c', lessonId: '17', url: 'https://a.uchi.pro/courses/9f1c/lessons/17' }],
    ['https://a.uchi.pro/orders/0b7e/', { kind: 'order', orderId: '0b7e', url: 'https://a.uchi.pro/orders/0b7e/' }],
    ['https://a.ru/lms/courses/c1', { kind: 'course', courseId: 'c1', url: 'https://a.ru/lms/courses/c1' }],
    ['https://a.ru/#/orders/o1?x=1', { kind: 'order', orderId: 'o1', url: 'https://a.ru/#/orders/o1' }],
  ])('parseLmsLink(%s)', (value, expected) => expect(parseLmsLink(value)).toEqual(expected));

  it.each(['https://a.ru/', 'https://a.ru/courses', 'https://a.ru/courses/a/b/c', 'javascript:/courses/1', 'https://a.ru/users/1'])(
    'parseLmsLink(%s) is null',
    (value) => expect(parseLmsLink(value)).toBeNull(),
  );

  it('strips credentials and secret parameters from a page URL', () => {
    expect(stripSecretsFromUrl('https://u:p@a.ru/x?token=abc&page=2&session_id=9#access_token=z')).toBe(
      'https://a.ru/x?token=%E2%80%A6&page=2&session_id=%E2%80%A6',
    );
    expect(stripSecretsFromUrl('file:///etc/passwd')).toBeNull();
  });
});
