import { describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../src/core';
import { checkFile } from '../../../src/widget/attachments/model/check-file';
import { formatBytes, listTypes } from '../../../src/widget/attachments/model/describe';
import { fitWithin, nextPlan, planImage, renameFor, HUGE_PNG_BYTES } from '../../../src/widget/attachments/model/plan-image';
import { sniffType } from '../../../src/widget/attachments/model/sniff-type';
import { filesOf, shouldAttachPaste } from '../../../src/widget/attachments/model/transfer-files';
import { reasonOfFailure } from '../../../src/widget/attachments/model/upload-error';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));

describe('sniffType', () => {
  it.each([
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    ['GIF89a', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['GIF87a', bytes('GIF87a'), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), null],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['SVG with a prolog', bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    ['SVG with a BOM and spaces', bytes([0xef, 0xbb, 0xbf], '  <svg>'), 'image/svg+xml'],
    ['HTML', bytes('<!doctype html><html>'), null],
    ['plain text', bytes('hello'), null],
    ['MP4', bytes([0, 0, 0, 0x18], 'ftypmp42'), null],
    ['too short for PNG', bytes([0x89, 0x50]), null],
    ['empty', new Uint8Array(), null],
  ])('%s', (_label, input, expected) => {
    expect(sniffType(input)).toBe(expected);
  });
});

describe('checkFile', () => {
  const limits = DEFAULT_ATTACHMENT_LIMITS;
  const MB = 1024 * 1024;
  it.each([
    ['an accepted PNG', { size: 100, sniffed: 'image/png' as const }, { ok: true, type: 'image/png' }],
    ['a PDF at the limit', { size: 10 * MB, sniffed: 'application/pdf' as const }, { ok: true, type: 'application/pdf' }],
    ['a PDF over the limit', { size: 10 * MB + 1, sniffed: 'application/pdf' as const }, { ok: false, reason: 'size' }],
    ['a GIF over the limit (sent unchanged)', { size: 11 * MB, sniffed: 'image/gif' as const }, { ok: false, reason: 'size' }],
    ['a JPEG over the limit that downscaling may fix', { size: 25 * MB, sniffed: 'image/jpeg' as const }, { ok: true, type: 'image/jpeg' }],
    ['a JPEG too big to try', { size: 41 * MB, sniffed: 'image/jpeg' as const }, { ok: false, reason: 'size' }],
    ['an SVG', { size: 100, sniffed: 'image/svg+xml' as const }, { ok: false, reason: 'type' }],
    ['unknown bytes', { size: 100, sniffed: null }, { ok: false, reason: 'type' }],
    ['unknown bytes named .png', { size: 100, sniffed: null, name: 'fake.png' }, { ok: false, reason: 'damaged' }],
    ['an SVG named .JPG', { size: 100, sniffed: 'image/svg+xml' as const, name: 'photo.JPG' }, { ok: false, reason: 'damaged' }],
    ['unknown bytes named .docx', { size: 100, sniffed: null, name: 'report.docx' }, { ok: false, reason: 'type' }],
    ['a JPEG named .png (the bytes decide)', { size: 100, sniffed: 'image/jpeg' as const, name: 'shot.png' }, { ok: true, type: 'image/jpeg' }],
    ['an empty file', { size: 0, sniffed: null }, { ok: false, reason: 'empty' }],
  ])('%s', (_label, facts, expected) => {
    expect(checkFile(facts, limits)).toEqual(expected);
  });

  it('follows the server’s accepted types', () => {
    expect(checkFile({ size: 10, sniffed: 'image/gif' }, { ...limits, acceptedTypes: ['image/png'] })).toEqual({ ok: false, reason: 'type' });
    // A name of a type the server does not take either: not «damaged», just not accepted.
    expect(checkFile({ size: 10, sniffed: null, name: 'a.pdf' }, { ...limits, acceptedTypes: ['image/png'] })).toEqual({ ok: false, reason: 'type' });
  });
});

describe('image plan', () => {
  it.each([
    [1920, 1080, 1920, 1080],
    [2560, 1000, 2560, 1000],
    [5120, 2880, 2560, 1440],
    [3000, 6000, 1280, 2560],
    [10000, 1, 2560, 1],
  ])('fits %i×%i into %i×%i', (width, height, w, h) => {
    expect(fitWithin(width, height)).toEqual({ width: w, height: h });
  });

  it('keeps PNG as PNG, JPEG as JPEG 0.9 and leaves GIF and PDF alone', () => {
    expect(planImage('image/png', 4000, 2000)).toEqual({ width: 2560, height: 1280, type: 'image/png' });
    expect(planImage('image/jpeg', 800, 600)).toEqual({ width: 800, height: 600, type: 'image/jpeg', quality: 0.9 });
    expect(planImage('image/gif', 800, 600)).toBeNull();
    expect(planImage('application/pdf', 1, 1)).toBeNull();
  });

  it('turns a huge PNG into WebP, and into JPEG where WebP cannot be encoded', () => {
    const png = { width: 2560, height: 1440, type: 'image/png' as const };
    expect(nextPlan(png, { type: 'image/png', size: HUGE_PNG_BYTES })).toBeNull();
    const webp = nextPlan(png, { type: 'image/png', size: HUGE_PNG_BYTES + 1 });
    expect(webp).toEqual({ ...png, type: 'image/webp', quality: 0.9 });
    expect(nextPlan(webp!, { type: 'image/webp', size: 10 })).toBeNull();
    expect(nextPlan(webp!, { type: 'image/png', size: 10 })).toEqual({ ...png, type: 'image/jpeg', quality: 0.9 });
  });

  it.each([
    ['screenshot.png', 'image/webp', 'screenshot.webp'],
    ['photo.JPEG', 'image/jpeg', 'photo.JPEG'],
    ['photo.jpg', 'image/jpeg', 'photo.jpg'],
    ['image', 'image/png', 'image.png'],
    ['.hidden', 'image/png', '.hidden.png'],
  ] as const)('renames %s for %s', (name, type, expected) => {
    expect(renameFor(name, type)).toBe(expected);
  });
});

describe('transfers', () => {
  const file = new File(['x'], 'a.png', { type: 'image/png' });
  it('reads files, or file items when files is empty', () => {
    expect(filesOf({ files: [file] })).toEqual([file]);
    expect(filesOf({ files: [], items: [{ kind: 'string', getAsFile: () => null }, { kind: 'file', getAsFile: () => file }] })).toEqual([file]);
    expect(filesOf(null)).toEqual([]);
  });

  it.each([
    ['an image outside a text field', { files: [file], types: ['Files'] }, false, true],
    ['an image into a text field', { files: [file], types: ['Files'] }, true, true],
    ['text with a picture of it into a text field', { files: [file], types: ['text/plain', 'Files'] }, true, false],
    ['text with a picture of it elsewhere', { files: [file], types: ['text/plain', 'Files'] }, false, true],
    ['text only', { files: [], types: ['text/plain'] }, false, false],
  ])('%s', (_label, data, intoTextField, expected) => {
    expect(shouldAttachPaste(data, intoTextField)).toBe(expected);
  });
});

describe('formatting', () => {
  const plain = (text: string) => text.replace(/\u00a0/g, ' ');
  it('formats sizes in binary units', () => {
    expect(plain(formatBytes(10 * 1024 * 1024, 'ru'))).toBe('10 МБ');
    expect(plain(formatBytes(1536, 'ru'))).toBe('1,5 кБ');
    expect(plain(formatBytes(2.25 * 1024 * 1024, 'en'))).toBe('2.3 MB');
  });

  // Russian and English are written without Intl (the first screen must not load the ICU data): to the letter as Intl.
  it.each(['ru', 'en'])('writes sizes and lists in %s exactly as Intl does', (locale) => {
    const kib = 1024;
    const sizes = [0, 1, 100, 512, 1000, 1023, 1024, 1536, 10 * kib, 99.95 * kib, 1000 * kib, kib * kib - 1, kib * kib, 1.05 * kib * kib, 2.25 * kib * kib, 9.96 * kib * kib, 10 * kib * kib, 123.4 * kib * kib, 2048 * kib * kib, 12345 * kib * kib];
    for (const size of sizes) {
      const [value, unit] = size >= kib * kib ? [size / (kib * kib), 'megabyte'] : [Math.max(size / kib, size > 0 ? 0.1 : 0), 'kilobyte'];
      const intl = new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
      expect(formatBytes(size, locale)).toBe(intl);
    }
    const types = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'];
    for (let n = 1; n <= types.length; n++) {
      for (const joiner of ['and', 'or'] as const) {
        const intl = new Intl.ListFormat(locale, { type: joiner === 'and' ? 'conjunction' : 'disjunction' }).format(types.slice(0, n).map((type) => type.split('/')[1]?.toUpperCase() ?? ''));
        expect(listTypes(types.slice(0, n), locale, joiner).toUpperCase()).toBe(intl.toUpperCase());
      }
    }
  });

  it('lists types with the locale’s conjunction', () => {
    expect(listTypes(['image/png', 'image/jpeg', 'application/pdf'], 'ru', 'and')).toBe('PNG, JPEG и PDF');
    expect(listTypes(['image/png', 'application/pdf'], 'ru', 'or')).toBe('PNG или PDF');
  });
});

describe('reasonOfFailure', () => {
  it.each([
    [{ kind: 'network', message: '' }, 'network'],
    [{ kind: 'aborted', message: '' }, 'cancelled'],
    [{ kind: 'invalid-response', message: '' }, 'server'],
    [{ kind: 'http', status: 413, code: 'too_large', message: '' }, 'too-large'],
    [{ kind: 'http', status: 415, code: 'unsupported', message: '' }, 'unsupported'],
    [{ kind: 'http', status: 429, code: 'rate_limited', message: '' }, 'rate-limited'],
    [{ kind: 'http', status: 422, code: 'too_many_attachments', message: '' }, 'too-many-waiting'],
    [{ kind: 'http', status: 422, code: 'validation_failed', message: '' }, 'damaged'],
    [{ kind: 'http', status: 401, code: 'unauthorized', message: '' }, 'auth'],
    [{ kind: 'http', status: 500, code: 'internal', message: '' }, 'server'],
  ] as const)('%o → %s', (failure, expected) => {
    expect(reasonOfFailure(failure)).toBe(expected);
  });
});
