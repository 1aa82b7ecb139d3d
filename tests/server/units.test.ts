import { describe, expect, it } from 'vitest';
import { canonicalJson, formatTicketNumber, isTicketNumber, ticketDraftSchema } from '../../src/core';
import { contentDisposition, sanitizeFileName } from '../../src/server/attachments/file-name';
import { ConfigError, DEV_TOKEN_SECRET, loadConfig } from '../../src/server/config';
import { fieldMessages } from '../../src/server/field-messages';

describe('loadConfig', () => {
  it('requires a token secret outside dev mode and refuses a short one', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('uses dev defaults with warnings when SUPPORT_DEV=1', () => {
    const { config, warnings } = loadConfig({ SUPPORT_DEV: '1' });
    expect(config.tokenSecret).toBe(DEV_TOKEN_SECRET);
    expect(config.agentToken).not.toBeNull();
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(config).toMatchObject({ port: 8787, host: '127.0.0.1', rateLimitPerMinute: 120 });
    expect(config.dbPath.endsWith('data/support.sqlite')).toBe(true);
    expect(config.attachmentsDir.endsWith('data/attachments')).toBe(true);
  });

  it('reads every variable and refuses bad numbers', () => {
    const { config } = loadConfig({
      SUPPORT_TOKEN_SECRET: 'x'.repeat(40),
      SUPPORT_AGENT_TOKEN: 'agent',
      PORT: '9000',
      HOST: '0.0.0.0',
      SUPPORT_DB: '/tmp/a/b.sqlite',
      SUPPORT_RATE_LIMIT: '10',
      SUPPORT_ALLOWED_ORIGINS: 'https://a.example, https://b.example/ ,',
      SUPPORT_MAX_FILE_BYTES: '1000',
      SUPPORT_MAX_FILES: '3',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dbPath: '/tmp/a/b.sqlite',
      attachmentsDir: '/tmp/a/attachments',
      rateLimitPerMinute: 10,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      agentToken: 'agent',
    });
    expect(config.limits).toMatchObject({ maxFileBytes: 1000, maxFilesPerTicket: 3, maxPixels: 40_000_000 });
    // Files waiting in drafts: three tickets' worth unless told otherwise.
    expect(config.maxPendingUploads).toBe(9);
    expect(loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_MAX_PENDING_UPLOADS: '25' }).config.maxPendingUploads).toBe(25);
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_RATE_LIMIT: '0' })).toThrow(ConfigError);
  });

  it('disables agent endpoints without an agent token in production', () => {
    const { config, warnings } = loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40) });
    expect(config.agentToken).toBeNull();
    expect(warnings.join(' ')).toContain('SUPPORT_AGENT_TOKEN');
  });
});

describe('file names', () => {
  it.each([
    ['C:\\Users\\me\\Desktop\\screen.PNG', 'image/png', 'screen.PNG'],
    ['../../../etc/passwd', 'image/png', 'passwd.png'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo.png', 'image/jpeg', 'photo.png.jpg'],
    ['invoice\u202Efdp.exe', 'application/pdf', 'invoicefdp.exe.pdf'],
    ['a\u0000b\u0001c\u2066d\u2069.gif', 'image/gif', 'abcd.gif'],
    ['   ', 'image/webp', 'file.webp'],
    ['.hidden', 'image/png', 'hidden.png'],
  ] as const)('%j as %s → %j', (raw, type, expected) => {
    expect(sanitizeFileName(raw, type)).toBe(expected);
  });

  it('caps at 255 code points, keeping the extension and whole surrogate pairs', () => {
    const name = sanitizeFileName(`${'😀'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name].length).toBe(255);
    expect(name.endsWith('😀.pdf')).toBe(true);
  });

  it('builds an RFC 6266 Content-Disposition with an ASCII fallback', () => {
    expect(contentDisposition('отчёт "1"; final.pdf')).toBe(
      `attachment; filename="_____ _1__ final.pdf"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%20%221%22%3B%20final.pdf`,
    );
  });
});

describe('field messages', () => {
  it('translates schema codes into Russian sentences by field', () => {
    const result = ticketDraftSchema.safeParse({ category: 'order', orderUrl: 'ftp://x' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = fieldMessages(result.error.issues);
    expect(fields.orderUrl).toBe('Вставьте ссылку на заявку целиком: адрес страницы вместе с http:// или https://');
    expect(fields.subject).toBe('Укажите тему обращения');
    expect(fields['browser']).toBe('Не переданы сведения о браузере');
  });

  it('never lets an issue path collide with Object.prototype', () => {
    const fields = fieldMessages([{ code: 'custom', path: ['constructor'], message: 'invalid' }]);
    expect(fields).toEqual({ constructor: 'Неверное значение' });
  });
});

describe('ids', () => {
  it('formats ticket numbers with at least six digits', () => {
    expect(formatTicketNumber(2026, 123)).toBe('UP-2026-000123');
    expect(formatTicketNumber(2026, 1_234_567)).toBe('UP-2026-1234567');
  });

  it('tells a ticket number from an id or anything else', () => {
    expect(isTicketNumber(formatTicketNumber(2026, 123))).toBe(true);
    expect(isTicketNumber(formatTicketNumber(2026, 1_234_567))).toBe(true);
    for (const other of ['UP-2026-123', 'up-2026-000123', 'UP-26-000123', ' UP-2026-000123', 'a1b2c3d4e5f6']) {
      expect(isTicketNumber(other)).toBe(false);
    }
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: [2, { y: 2, z: 1 }] }, b: 1 }));
  });
});
