import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { canonicalJson, formatTicketNumber, isTicketNumber, ticketDraftSchema } from '../../src/core';
import { contentDisposition, sanitizeFileName } from '../../src/server/attachments/file-name';
import { ConfigError, DEV_TOKEN_SECRET, loadConfig } from '../../src/server/config';
import { commandLineFrom } from '../../src/server/workers';
import { workerLines } from '../../src/server/process-logger';
import { renderEmail } from '../../src/server/outbox/email';
import { addressGroup } from '../../src/server/guard/guest-quota';
import { preferredLocale } from '../../src/server/locale';
import { fieldMessages } from '../../src/server/field-messages';
import { errorLine } from '../../src/server/error-line';
import { printableOrigin } from '../../src/server/http/cors';
import { logTarget, maskAddresses } from '../../src/server/outbox/dispatcher';
import { storageHint } from '../../src/server/storage/open';
import { freePort } from '../fixtures/ports';
import { ownerOfUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from '../../src/server/outbox/unsubscribe';
import { senderName } from '../../src/server/routes/unsubscribe';

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

  it('keeps people\'s addresses and webhook keys out of the log lines, and forged lines out of a logged Origin', () => {
    expect(maskAddresses('550 5.1.1 <ivan.petrov@example.ru>: Recipient address rejected')).toBe('550 5.1.1 <i…@example.ru>: Recipient address rejected');
    expect(maskAddresses('to <"ivan petrov"@example.ru> and ivan:petrov@example.ru')).toBe('to <i…@example.ru> and i…@example.ru');
    expect(logTarget({ kind: 'webhook', target: 'https://hooks.example.ru/services/T000/B000/XXXXSECRET?key=abc' })).toBe('https://hooks.example.ru/…');
    expect(logTarget({ kind: 'email', target: 'ivan@example.ru' })).toBe('ivan@example.ru');
    expect(printableOrigin('https://a\u0085[support] Support API listening\u2028"x')).toBe('https://a\\u0085[support] Support API listening\\u2028\\u0022x');
  });

  it('says what to check when PostgreSQL cannot be opened for a reason its message hides', () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND db.local'), { code: 'ENOTFOUND' });
    // A host that really is not found: nothing to add (a password that would make one up is refused before).
    expect(storageHint({ databaseUrl: 'postgres://support:secret@db.local/support' }, notFound)).toBe('');
    expect(storageHint({ databaseUrl: 'postgres://db.local/support' }, Object.assign(new Error('permission denied for schema public'), { code: '42501' }))).toContain('GRANT CREATE ON SCHEMA public');
    expect(storageHint({ databaseUrl: null }, notFound)).toBe('');
  });

  it('refuses dev mode next to real credentials or in production: it would sign anyone in and give the agent token out', () => {
    for (const name of ['SUPPORT_TOKEN_SECRET', 'SUPPORT_TOKEN_SECRET_PREVIOUS', 'SUPPORT_AGENT_TOKEN']) {
      expect(() => loadConfig({ SUPPORT_DEV: '1', [name]: 'r'.repeat(40) })).toThrow(new RegExp(`SUPPORT_DEV=1 cannot run with ${name}: in dev mode POST /api/v1/dev/token signs in anyone`));
    }
    expect(() => loadConfig({ SUPPORT_DEV: '1', SUPPORT_AGENTS: '[{"name":"Анна","token":"anna-token-0123456789"}]' })).toThrow(/cannot run with SUPPORT_AGENTS/);
    for (const production of ['production', ' Production ', 'PRODUCTION', 'prod', 'Prod']) {
      expect(() => loadConfig({ SUPPORT_DEV: '1', NODE_ENV: production })).toThrow(new RegExp(`SUPPORT_DEV=1 cannot run with NODE_ENV=${production.trim()}:`));
    }
    expect(loadConfig({ SUPPORT_DEV: '1', NODE_ENV: 'development' }).config.dev).toBe(true);
    // Nothing of the demo goes to a real desk or mail server; this machine's own receivers are fine.
    expect(() => loadConfig({ SUPPORT_DEV: '1', SUPPORT_WEBHOOK_URLS: 'https://desk.example.ru/hook', SUPPORT_WEBHOOK_SECRET: 'w'.repeat(40) })).toThrow(/SUPPORT_DEV=1 sends only to this machine: SUPPORT_WEBHOOK_URLS must name localhost/);
    expect(() => loadConfig({ SUPPORT_DEV: '1', SUPPORT_SMTP_URL: 'smtp://mailer:secret@smtp.example.ru:587' })).toThrow(/SUPPORT_SMTP_URL must name localhost/);
    expect(loadConfig({ SUPPORT_DEV: '1', SUPPORT_WEBHOOK_URLS: 'http://127.0.0.1:4000/hook, http://[::1]:4001/hook', SUPPORT_WEBHOOK_SECRET: 'w'.repeat(40), SUPPORT_SMTP_URL: 'smtp://localhost:1025' }).config.dev).toBe(true);
    // Only this machine, unless the network is named on purpose; then a warning.
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      expect(() => loadConfig({ SUPPORT_DEV: '1', HOST: host })).toThrow(new RegExp(`^SUPPORT_DEV=1 listens on this machine only, and HOST=${host.replace(/\./g, '\\.')} is not: .*SUPPORT_DEV_NETWORK=1`));
    }
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(loadConfig({ SUPPORT_DEV: '1', HOST: host }).config.host).toBe(host);
    expect(() => loadConfig({ SUPPORT_DEV: '1', HOST: '0.0.0.0', SUPPORT_DEV_NETWORK: 'maybe' })).toThrow(/SUPPORT_DEV_NETWORK must be 1 or 0/);
    expect(loadConfig({ SUPPORT_DEV: '1', HOST: '0.0.0.0', SUPPORT_DEV_NETWORK: '1' }).warnings.join(' ')).toContain('SUPPORT_DEV=1 listens on HOST=0.0.0.0: anyone who reaches this machine can sign in as anyone');
    expect(loadConfig({ SUPPORT_DEV: '1' }).warnings.join(' ')).not.toContain('listens on HOST');
    // The same credentials without dev mode are a deployment.
    expect(loadConfig({ SUPPORT_TOKEN_SECRET: 'r'.repeat(40), NODE_ENV: 'production' }).config.dev).toBe(false);
  });

  it('reads every variable and refuses bad numbers', () => {
    const { config } = loadConfig({
      SUPPORT_TOKEN_SECRET: 'x'.repeat(40),
      SUPPORT_AGENT_TOKEN: 'agent-token-0123456789',
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
      agentToken: 'agent-token-0123456789',
    });
    expect(config.limits).toMatchObject({ maxFileBytes: 1000, maxFilesPerTicket: 3, maxPixels: 40_000_000 });
    // Files waiting in drafts: three tickets' worth unless told otherwise.
    expect(config.maxPendingUploads).toBe(9);
    expect(loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_MAX_PENDING_UPLOADS: '25' }).config.maxPendingUploads).toBe(25);
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), PORT: '70000' })).toThrow(/PORT must be an integer from 0 to 65535/);
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_RATE_LIMIT: '0' })).toThrow(ConfigError);
    // A database that stops answering is given up after this.
    expect(loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40) }).config.databaseTimeoutMs).toBe(5_000);
    expect(loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_DATABASE_TIMEOUT_MS: '8000' }).config.databaseTimeoutMs).toBe(8_000);
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_DATABASE_TIMEOUT_MS: '100' })).toThrow(/SUPPORT_DATABASE_TIMEOUT_MS must be an integer ≥ 500/);
    // Metrics: off unless a port of their own is named; the loopback unless told.
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig(secret).config.metrics).toBeNull();
    expect(loadConfig({ ...secret, SUPPORT_METRICS_PORT: '9464' }).config.metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ ...secret, SUPPORT_METRICS_PORT: '9464', SUPPORT_METRICS_HOST: '0.0.0.0' }).config.metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(() => loadConfig({ ...secret, SUPPORT_METRICS_HOST: '0.0.0.0' })).toThrow(/SUPPORT_METRICS_HOST is set without SUPPORT_METRICS_PORT/);
    expect(() => loadConfig({ ...secret, PORT: '8080', SUPPORT_METRICS_PORT: '8080' })).toThrow(/SUPPORT_METRICS_PORT must differ from PORT \(8080\)/);
    expect(() => loadConfig({ ...secret, SUPPORT_METRICS_PORT: 'yes' })).toThrow(/SUPPORT_METRICS_PORT must be an integer from 0 to 65535/);
  });

  it('reads the listener of replies by e-mail: off unless its port is set, and never without the address replies go to', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig(secret).config.inbound).toBeNull();
    const inbound = { ...secret, SUPPORT_INBOUND_SMTP_PORT: '2525', SUPPORT_REPLY_ADDRESS: 'Support@Uchi.example' };
    expect(loadConfig(inbound).config.inbound).toEqual({ port: 2525, host: '127.0.0.1', replyAddress: 'support@uchi.example', maxBytes: 4 * 1024 * 1024 });
    expect(loadConfig({ ...inbound, SUPPORT_INBOUND_SMTP_HOST: '0.0.0.0', SUPPORT_INBOUND_MAX_BYTES: '1048576' }).config.inbound).toMatchObject({ host: '0.0.0.0', maxBytes: 1048576 });
    expect(() => loadConfig({ ...secret, SUPPORT_REPLY_ADDRESS: 'support@uchi.example' })).toThrow(/SUPPORT_REPLY_ADDRESS is set without SUPPORT_INBOUND_SMTP_PORT/);
    expect(() => loadConfig({ ...secret, SUPPORT_INBOUND_SMTP_PORT: '2525' })).toThrow(/SUPPORT_INBOUND_SMTP_PORT is set without SUPPORT_REPLY_ADDRESS/);
    for (const address of ['Техподдержка <support@uchi.example>', 'support+tag@uchi.example', 'support']) {
      expect(() => loadConfig({ ...inbound, SUPPORT_REPLY_ADDRESS: address })).toThrow(/SUPPORT_REPLY_ADDRESS must be a plain address/);
    }
    expect(() => loadConfig({ ...inbound, PORT: '2525' })).toThrow(/SUPPORT_INBOUND_SMTP_PORT must differ from PORT/);
    // Replies come to the e-mails the server sends: without a mail server none carries the address.
    expect(loadConfig(inbound).warnings).toContain('SUPPORT_INBOUND_SMTP_PORT is set without SUPPORT_SMTP_URL: no e-mail goes out, so none carries a reply address.');
    expect(loadConfig({ ...inbound, SUPPORT_SMTP_URL: 'smtp://mail.example.ru:25' }).warnings.filter((line) => line.includes('INBOUND'))).toEqual([]);
    // An address of a Cyrillic domain, as its mail servers write it.
    expect(loadConfig({ ...inbound, SUPPORT_REPLY_ADDRESS: 'replies@xn--80ajglhfq.xn--p1ai' }).config.inbound?.replyAddress).toBe('replies@xn--80ajglhfq.xn--p1ai');
    // The address people write to (the From) would be refused by the listener: said at start.
    expect(loadConfig({ ...inbound, SUPPORT_SMTP_URL: 'smtp://mail.example.ru:25', SUPPORT_MAIL_FROM: 'Техподдержка <support@uchi.example>' }).warnings).toContain(
      'SUPPORT_REPLY_ADDRESS is the address of SUPPORT_MAIL_FROM (support@uchi.example): mail written to it, not as a reply, reaches the listener and is refused. Give replies an address of their own, such as replies@uchi.example.',
    );
  });

  it('warns when a user’s day of uploads is smaller than one file, which would always be refused', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    const small = loadConfig({ ...secret, SUPPORT_UPLOAD_BYTES_PER_USER_DAY: '1000000' }).warnings.join('\n');
    expect(small).toContain('SUPPORT_UPLOAD_BYTES_PER_USER_DAY (1000000) is under SUPPORT_MAX_FILE_BYTES (10485760)');
    expect(loadConfig({ ...secret, SUPPORT_UPLOAD_BYTES_PER_USER_DAY: '1000000', SUPPORT_MAX_FILE_BYTES: '1000000' }).warnings.join('\n')).not.toContain('SUPPORT_UPLOAD_BYTES_PER_USER_DAY');
    expect(loadConfig(secret).warnings.join('\n')).not.toContain('SUPPORT_UPLOAD_BYTES_PER_USER_DAY');
  });

  it('names a SUPPORT_ variable it does not know, with the setting a misspelt one most likely meant', () => {
    const base = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_ALLOWED_ORIGINS: 'https://lms.example.ru', SUPPORT_AGENT_TOKEN: 'y'.repeat(40) };
    const { config, warnings } = loadConfig({ ...base, SUPPORT_RATE_LIMT: '10', SUPPORT_FOO: '1', SUPPORT_WORKER_COUNT: '2', SUPPORT_SKIP_BUILD: '1', OTHER_SETTING: '1' });
    expect(config.rateLimitPerMinute).toBe(120);
    expect(warnings).toEqual([
      'SUPPORT_RATE_LIMT is not a setting of this server and is ignored (did you mean SUPPORT_RATE_LIMIT?).',
      'SUPPORT_FOO is not a setting of this server and is ignored.',
    ]);
    // The settings it knows are never named so.
    const every = { ...base, SUPPORT_OUTBOX_POLL_MS: '100', SUPPORT_IMAGES_PER_OWNER: '3', SUPPORT_UPLOADS_PER_USER_DAY: '9', SUPPORT_LOG: 'off', SUPPORT_PUBLIC_URL: 'https://support.example.ru', SUPPORT_TRUSTED_PROXIES: '10.0.0.1' };
    expect(loadConfig(every).warnings).toEqual([]);
  });

  it('says which given settings the chosen database or the others leave unused, and where PostgreSQL keeps files unless told', () => {
    const base = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_ALLOWED_ORIGINS: 'https://lms.example.ru', SUPPORT_AGENT_TOKEN: 'y'.repeat(40) };
    const postgres = { ...base, SUPPORT_DATABASE_URL: 'postgres://support:secret@db.internal/support' };
    // SUPPORT_DB is the image's and the systemd unit's default: beside a database URL it is not worth a word.
    expect(loadConfig({ ...postgres, SUPPORT_DB: '/data/support.sqlite', SUPPORT_EVENTS_POLL_MS: '100', SUPPORT_ATTACHMENTS_DIR: '/data/files' }).warnings).toEqual([
      'SUPPORT_EVENTS_POLL_MS is ignored: SUPPORT_DATABASE_URL runs the server on PostgreSQL.',
    ]);
    const files = loadConfig(postgres).warnings;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^SUPPORT_ATTACHMENTS_DIR is not set: files are kept in .*data[/\\]attachments, under the working directory\. .*one folder they all reach/);
    expect(loadConfig({ ...base, SUPPORT_DATABASE_POOL_SIZE: '20', SUPPORT_DATABASE_TIMEOUT_MS: '3000', SUPPORT_WEBHOOK_SECRET: 'z'.repeat(40) }).warnings).toEqual([
      'SUPPORT_DATABASE_POOL_SIZE is ignored: it is for PostgreSQL, and without SUPPORT_DATABASE_URL the server runs on SQLite.',
      'SUPPORT_DATABASE_TIMEOUT_MS is ignored: it is for PostgreSQL, and without SUPPORT_DATABASE_URL the server runs on SQLite.',
      'SUPPORT_WEBHOOK_SECRET is set without SUPPORT_WEBHOOK_URLS: no webhook is sent.',
    ]);
    // On SQLite the files' folder is the database's; in dev mode the demo's defaults are meant.
    expect(loadConfig(base).warnings).toEqual([]);
    expect(loadConfig({ SUPPORT_DEV: '1', SUPPORT_DATABASE_URL: 'postgres://localhost/demo' }).warnings.join('\n')).not.toContain('SUPPORT_ATTACHMENTS_DIR');
  });

  it('reads the public address the e-mails link to, refuses one that is not an http(s) address, warns when e-mails would go without it', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...secret, SUPPORT_PUBLIC_URL: 'https://support.example.ru/lms/' }).config.publicUrl).toBe('https://support.example.ru/lms');
    expect(loadConfig(secret).config.publicUrl).toBeNull();
    expect(() => loadConfig({ ...secret, SUPPORT_PUBLIC_URL: 'support.example.ru' })).toThrow(/SUPPORT_PUBLIC_URL/);
    expect(() => loadConfig({ ...secret, SUPPORT_PUBLIC_URL: 'ftp://support.example.ru' })).toThrow(/SUPPORT_PUBLIC_URL/);
    expect(() => loadConfig({ ...secret, SUPPORT_PUBLIC_URL: 'https://support.example.ru/?a=1' })).toThrow(/SUPPORT_PUBLIC_URL/);
    const smtp = { ...secret, SUPPORT_SMTP_URL: 'smtp://127.0.0.1:25' };
    expect(loadConfig(smtp).warnings.join(' ')).toContain('SUPPORT_PUBLIC_URL');
    // No origins outside dev mode: every call from an LMS page would be refused by the browser.
    expect(loadConfig(secret).warnings.join(' ')).toContain('SUPPORT_ALLOWED_ORIGINS is empty');
    expect(loadConfig({ ...secret, SUPPORT_ALLOWED_ORIGINS: 'https://lms.example.ru' }).warnings.join(' ')).not.toContain('SUPPORT_ALLOWED_ORIGINS');
    expect(loadConfig({ ...smtp, SUPPORT_PUBLIC_URL: 'https://support.example.ru' }).warnings.join(' ')).not.toContain('SUPPORT_PUBLIC_URL');
    // The widget's apiUrl ends with /api/v1, this one does not: the links add it, and it would be there twice.
    for (const wrong of ['https://support.example.ru/api/v1', 'https://support.example.ru/lms/api/v1/']) {
      expect(() => loadConfig({ ...secret, SUPPORT_PUBLIC_URL: wrong })).toThrow(/SUPPORT_PUBLIC_URL is the server's address without \/api\/v1 \(the links add it\)/);
    }
  });

  it('takes the e-mails\' sender as one address, alone or with a name, and warns when a real mail server would get the placeholder', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...secret, SUPPORT_MAIL_FROM: 'Техподдержка <support@example.ru>' }).config.notifications.mailFrom).toBe('Техподдержка <support@example.ru>');
    expect(loadConfig({ ...secret, SUPPORT_MAIL_FROM: ' support@example.ru ' }).config.notifications.mailFrom).toBe('support@example.ru');
    for (const wrong of ['Support Team', 'support', 'a@b.ru, c@d.ru', 'Support <support>']) {
      expect(() => loadConfig({ ...secret, SUPPORT_MAIL_FROM: wrong })).toThrow(/SUPPORT_MAIL_FROM must be one e-mail address/);
    }
    const smtp = { ...secret, SUPPORT_SMTP_URL: 'smtp://127.0.0.1:25', SUPPORT_PUBLIC_URL: 'https://support.example.ru' };
    expect(loadConfig(smtp).warnings.join(' ')).toContain('SUPPORT_SMTP_URL is set without SUPPORT_MAIL_FROM');
    expect(loadConfig({ ...smtp, SUPPORT_MAIL_FROM: 'support@example.ru' }).warnings.join(' ')).not.toContain('SUPPORT_MAIL_FROM');
    // The English e-mails' sender: its own, else the Russian one, else (the placeholder) the placeholder's English name.
    const senders = (env: Record<string, string>) => {
      const { mailFrom, mailFromEn } = loadConfig({ ...secret, ...env }).config.notifications;
      return [mailFrom, mailFromEn];
    };
    expect(senders({ SUPPORT_MAIL_FROM: 'Техподдержка <s@example.ru>', SUPPORT_MAIL_FROM_EN: ' Support <s@example.ru> ' })).toEqual(['Техподдержка <s@example.ru>', 'Support <s@example.ru>']);
    expect(senders({ SUPPORT_MAIL_FROM: 'Техподдержка <s@example.ru>' })).toEqual(['Техподдержка <s@example.ru>', 'Техподдержка <s@example.ru>']);
    expect(senders({})).toEqual(['Техподдержка Учи.Про <support@localhost>', 'Uchi.Pro Support <support@localhost>']);
    expect(() => loadConfig({ ...secret, SUPPORT_MAIL_FROM_EN: 'Support' })).toThrow(/^SUPPORT_MAIL_FROM_EN must be one e-mail address/);
    // A caller's Russian sender is followed in English too, unless SUPPORT_MAIL_FROM_EN names one.
    expect(loadConfig(secret, { notifications: { mailFrom: 'Центр <c@example.ru>' } }).config.notifications.mailFromEn).toBe('Центр <c@example.ru>');
    expect(loadConfig({ ...secret, SUPPORT_MAIL_FROM_EN: 'Centre <c@example.ru>' }, { notifications: { mailFrom: 'Центр <c@example.ru>' } }).config.notifications.mailFromEn).toBe('Centre <c@example.ru>');
  });

  it('takes on/off words for SUPPORT_DEV like the other switches, and refuses anything else', () => {
    expect(loadConfig({ SUPPORT_DEV: 'true' }).config.dev).toBe(true);
    expect(loadConfig({ SUPPORT_DEV: 'off', SUPPORT_TOKEN_SECRET: 'x'.repeat(40) }).config.dev).toBe(false);
    expect(() => loadConfig({ SUPPORT_DEV: 'maybe' })).toThrow(/SUPPORT_DEV/);
  });

  it('takes allowed origins as browsers send them and refuses what would never match one', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...secret, SUPPORT_ALLOWED_ORIGINS: 'https://LMS.example.ru:443/, http://localhost:5173' }).config.allowedOrigins)
      .toEqual(['https://lms.example.ru', 'http://localhost:5173']);
    for (const wrong of ['lms.example.ru', 'https://lms.example.ru/courses', 'https://lms.example.ru/?a=1', 'ftp://lms.example.ru', 'https://user@lms.example.ru', '*']) {
      expect(() => loadConfig({ ...secret, SUPPORT_ALLOWED_ORIGINS: wrong }), wrong).toThrow(/SUPPORT_ALLOWED_ORIGINS/);
    }
  });

  it('refuses more files per ticket than a ticket can carry, and reads the agent token’s own rate limit', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...secret, SUPPORT_MAX_FILES: '10' }).config.limits.maxFilesPerTicket).toBe(10);
    expect(() => loadConfig({ ...secret, SUPPORT_MAX_FILES: '11' })).toThrow(/SUPPORT_MAX_FILES must be an integer from 1 to 10/);
    expect(loadConfig(secret).config.agentRateLimitPerMinute).toBe(1200);
    expect(loadConfig({ ...secret, SUPPORT_AGENT_RATE_LIMIT: '50' }).config.agentRateLimitPerMinute).toBe(50);
  });

  it('keeps finished deliveries 30 days unless SUPPORT_OUTBOX_RETENTION_DAYS says otherwise, in whole days from 1 to 3650', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    expect(loadConfig(secret).config.notifications.retentionDays).toBe(30);
    expect(loadConfig({ ...secret, SUPPORT_OUTBOX_RETENTION_DAYS: ' 7 ' }).config.notifications.retentionDays).toBe(7);
    expect(loadConfig({ ...secret, SUPPORT_OUTBOX_RETENTION_DAYS: '' }).config.notifications.retentionDays).toBe(30);
    for (const wrong of ['0', '-1', '1.5', '30d', '3651', 'forever']) {
      expect(() => loadConfig({ ...secret, SUPPORT_OUTBOX_RETENTION_DAYS: wrong }), wrong).toThrow(
        new ConfigError(`SUPPORT_OUTBOX_RETENTION_DAYS must be an integer from 1 to 3650, got "${wrong}".`),
      );
    }
  });

  it('names the unsubscribe pages by the display name of SUPPORT_MAIL_FROM', () => {
    expect(senderName('Учебный центр «Профи» <support@profi.ru>')).toBe('Учебный центр «Профи»');
    expect(senderName('"Техподдержка, УЦ" <support@uc.ru>')).toBe('Техподдержка, УЦ');
    expect(senderName('support@uc.ru')).toBe('Техподдержка Учи.Про');
    expect(senderName('<support@uc.ru>')).toBe('Техподдержка Учи.Про');
  });

  it('refuses a webhook URL with a user name or password, without repeating the password', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_WEBHOOK_SECRET: 'w'.repeat(40) };
    expect(loadConfig({ ...secret, SUPPORT_WEBHOOK_URLS: 'https://desk.example.ru/hook' }).config.notifications.webhookUrls).toEqual(['https://desk.example.ru/hook']);
    for (const wrong of ['https://desk:s3cret@desk.example.ru/hook', 'https://desk@desk.example.ru/hook', 'https://desk.example.ru/a, http://:s3cret@127.0.0.1:9/b']) {
      let message = '';
      try {
        loadConfig({ ...secret, SUPPORT_WEBHOOK_URLS: wrong });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, wrong).toMatch(/SUPPORT_WEBHOOK_URLS: the URL for .+ has a user name or password/);
      expect(message).not.toContain('s3cret');
    }
  });

  it('refuses a mail server’s or database’s address that is not one, without repeating it (it may hold a password)', () => {
    const secret = { SUPPORT_TOKEN_SECRET: 'x'.repeat(40) };
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig({ ...secret, ...env });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      return null;
    };
    const smtp = refusal({ SUPPORT_SMTP_URL: 'smtp://mailuser:SmtpPassw0rd@mail.example.ru:58x' });
    expect(smtp).toMatch(/^SUPPORT_SMTP_URL is not a valid address \(smtp:\/\/user:password@host:port\)/);
    expect(smtp).not.toContain('SmtpPassw0rd');
    const database = refusal({ SUPPORT_DATABASE_URL: 'postgres://support:DbPassw0rd@db.internal:54x/support' });
    expect(database).toMatch(/^SUPPORT_DATABASE_URL is not a valid address/);
    expect(database).not.toContain('DbPassw0rd');
    // A password with a bare @, /, ? or # parses as a host named after the rest of it, which an error would name.
    for (const password of ['Zq9@Xw7:1/Vb3', 'Pa5/Ss7', 'Pq4@Ss8#Wd2', 'On3?Tw4']) {
      const refused = refusal({ SUPPORT_DATABASE_URL: `postgres://support:${password}@127.0.0.1:9329/support` });
      expect(refused).toMatch(/^SUPPORT_DATABASE_URL is not a valid address/);
      for (const part of password.split(/[@/?#:]/u).filter((piece) => piece.length > 1)) expect(refused).not.toContain(part);
    }
    expect(refusal({ SUPPORT_DATABASE_URL: 'postgres://support:sec%40ret%3A1%2Fx@127.0.0.1:9329/support' })).toBeNull();
    // A query's value may hold an @.
    expect(refusal({ SUPPORT_DATABASE_URL: 'postgres://support:secret@db/support?application_name=a@b' })).toBeNull();
    expect(refusal({ SUPPORT_DATABASE_URL: 'postgres://db.internal/support?user=alice@corp' })).toBeNull();
    expect(refusal({ SUPPORT_DATABASE_URL: 'postgres://support:123?x@db/support' })).toMatch(/^SUPPORT_DATABASE_URL is not a valid address/);
    // Well-formed ones pass, a socket's URL without a host too.
    expect(refusal({ SUPPORT_SMTP_URL: 'smtps://mailuser:p%40ss@mail.example.ru:465' })).toBeNull();
    expect(refusal({ SUPPORT_DATABASE_URL: 'postgres://support@/support?host=/run/postgresql' })).toBeNull();
    expect(refusal({ SUPPORT_DATABASE_URL: 'postgresql://support:secret@[::1]:5432/support' })).toBeNull();
  });

  it('refuses a request timeout shorter than the headers’ timeout (Node would not start)', () => {
    expect(() => loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_REQUEST_TIMEOUT_MS: '5' })).toThrow(
      'SUPPORT_REQUEST_TIMEOUT_MS (5) must be at least SUPPORT_HEADERS_TIMEOUT_MS (10000)',
    );
    expect(loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40), SUPPORT_REQUEST_TIMEOUT_MS: '5', SUPPORT_HEADERS_TIMEOUT_MS: '5' }).config.guard.requestTimeoutMs).toBe(5);
  });

  it('disables agent endpoints without an agent token in production', () => {
    const { config, warnings } = loadConfig({ SUPPORT_TOKEN_SECRET: 'x'.repeat(40) });
    expect(config.agentToken).toBeNull();
    expect(warnings.join(' ')).toContain('SUPPORT_AGENT_TOKEN');
  });
});

describe('delivery errors', () => {
  it('keep the cause a failed fetch hides behind «fetch failed»', async () => {
    // A port nothing listens on, as a desk that is down.
    const refused = await fetch(`http://127.0.0.1:${await freePort()}/`).then(() => null, (error: unknown) => error);
    expect(errorLine(refused)).toMatch(/^fetch failed: .*ECONNREFUSED/);
    expect(errorLine(new Error('HTTP 503'))).toBe('HTTP 503');
    const cause = Object.assign(new Error('getaddrinfo failed'), { code: 'ENOTFOUND' });
    expect(errorLine(new TypeError('fetch failed', { cause }))).toBe('fetch failed: ENOTFOUND getaddrinfo failed');
  });
});

describe('unsubscribe links', () => {
  const secret = 'x'.repeat(40);
  // The longest owners there are: a `sub` of 200 three-byte characters, an address of 254.
  const OWNERS = ['user:42', 'user:иванова@lms', 'email:petrov@example.ru', `user:${'ж'.repeat(200)}`, `user:${'😀'.repeat(100)}`, `email:${'я'.repeat(242)}@example.ru`];
  /** A link of the e-mails sent before the owner was encrypted: the owner in base64url, then 128 bits of its HMAC. */
  const signedToken = (key: string, owner: string) => {
    const mac = createHmac('sha256', createHmac('sha256', key).update('uchi-support/email-unsubscribe/v1').digest()).update(owner, 'utf8').digest().subarray(0, 16);
    return `${Buffer.from(owner, 'utf8').toString('base64url')}.${mac.toString('base64url')}`;
  };

  it('name their owner only when this server made them, and cannot be read without its secret', () => {
    for (const owner of OWNERS) {
      const token = unsubscribeToken(secret, owner);
      expect(token).toMatch(/^e\.[A-Za-z0-9_-]+$/);
      expect(token.length).toBeLessThanOrEqual(1100);
      // Neither the owner nor its base64 is in the link (a proxy's log of the address would hold them).
      expect(token).not.toContain(Buffer.from(owner, 'utf8').toString('base64url').slice(0, 8));
      expect(Buffer.from(token.slice(2), 'base64url').toString('utf8')).not.toContain(owner.split(':')[1]?.slice(0, 6));
      expect(ownerOfUnsubscribeToken(secret, token)).toBe(owner);
      // The same recipient's link is the same in every e-mail.
      expect(unsubscribeToken(secret, owner)).toBe(token);
      // Another server's secret, an altered or cut token: nobody.
      expect(ownerOfUnsubscribeToken('y'.repeat(40), token)).toBeNull();
      for (const at of [2, Math.floor(token.length / 2), token.length - 2]) {
        const altered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
        expect(ownerOfUnsubscribeToken(secret, altered)).toBeNull();
      }
      expect(ownerOfUnsubscribeToken(secret, token.slice(0, -4))).toBeNull();
      // One spelling per token: no other last character, even one that differs only in base64url's unused bits.
      for (const other of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.replace(token.at(-1) ?? '', '')) {
        expect(ownerOfUnsubscribeToken(secret, `${token.slice(0, -1)}${other}`)).toBeNull();
      }
    }
    // Not an owner the server would ever name, even sealed with its key; nor an endless string.
    expect(ownerOfUnsubscribeToken(secret, unsubscribeToken(secret, 'agent'))).toBeNull();
    expect(ownerOfUnsubscribeToken(secret, unsubscribeToken(secret, `guest:${'ab'.repeat(32)}`))).toBeNull();
    expect(ownerOfUnsubscribeToken(secret, `e.${'A'.repeat(10_000)}`)).toBeNull();
    expect(ownerOfUnsubscribeToken(secret, 'e.')).toBeNull();
    expect(ownerOfUnsubscribeToken(secret, '')).toBeNull();
  });

  it('of the e-mails sent before still work: the owner signed, not encrypted', () => {
    for (const owner of OWNERS) {
      const token = signedToken(secret, owner);
      expect(ownerOfUnsubscribeToken(secret, token)).toBe(owner);
      expect(ownerOfUnsubscribeToken('y'.repeat(40), token)).toBeNull();
      const [id, mac] = token.split('.') as [string, string];
      expect(ownerOfUnsubscribeToken(secret, `${Buffer.from('user:43').toString('base64url')}.${mac}`)).toBeNull();
      expect(ownerOfUnsubscribeToken(secret, `${id}.${mac.slice(0, 10)}`)).toBeNull();
      for (const other of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.replace(mac.at(-1) ?? '', '')) {
        expect(ownerOfUnsubscribeToken(secret, `${id}.${mac.slice(0, -1)}${other}`)).toBeNull();
      }
      expect(ownerOfUnsubscribeToken(secret, id)).toBeNull();
    }
    expect(ownerOfUnsubscribeToken(secret, signedToken(secret, 'agent'))).toBeNull();
    expect(ownerOfUnsubscribeToken(secret, `${'A'.repeat(10_000)}.${'A'.repeat(22)}`)).toBeNull();
  });

  it('are under the API prefix of the public address, whatever its trailing slashes', () => {
    const url = unsubscribeUrl('https://support.example.ru/lms//', secret, 'user:42');
    expect(url).toBe(`https://support.example.ru/lms/api/v1/email/unsubscribe?t=${unsubscribeToken(secret, 'user:42')}`);
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
  it('translates schema codes into Russian and English sentences by field, as the form says them', () => {
    const result = ticketDraftSchema.safeParse({ category: 'order', orderUrl: 'ftp://x' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = fieldMessages(result.error.issues);
    expect(fields.orderUrl).toEqual({
      ru: 'Вставьте ссылку на заявку целиком: адрес страницы вместе с http:// или https://',
      en: 'Paste the whole order link: the page address with http:// or https://',
    });
    expect(fields.subject).toEqual({ ru: 'Укажите тему обращения', en: 'Enter the subject' });
    expect(fields['browser']).toEqual({ ru: 'Не переданы сведения о браузере', en: 'The browser details are missing' });
  });

  it('never lets an issue path collide with Object.prototype', () => {
    const fields = fieldMessages([{ code: 'custom', path: ['constructor'], message: 'invalid' }]);
    expect(fields).toEqual({ constructor: { ru: 'Неверное значение', en: 'Wrong value' } });
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

describe('the command line', () => {
  it('takes --workers N (or =N) and --help, nothing else', () => {
    expect(commandLineFrom([])).toEqual({ workers: 0, help: false, copyToPostgres: false });
    expect(commandLineFrom(['--workers', '3'])).toEqual({ workers: 3, help: false, copyToPostgres: false });
    expect(commandLineFrom(['--workers=2', '--help'])).toEqual({ workers: 2, help: true, copyToPostgres: false });
    expect(commandLineFrom(['-h'])).toEqual({ workers: 0, help: true, copyToPostgres: false });
    expect(commandLineFrom(['--copy-to-postgres'])).toEqual({ workers: 0, help: false, copyToPostgres: true });
    expect(() => commandLineFrom(['--copy-to-postgres', '--workers', '2'])).toThrow(/copies and exits: it serves nothing/);
    for (const wrong of [['--workers'], ['--workers', '0'], ['--workers=65'], ['--workers', 'two'], ['--workers='], ['--workers', ' 2'], ['--workers=0x2'], ['--workers', '1e1']]) {
      expect(() => commandLineFrom(wrong), wrong.join(' ')).toThrow(/--workers must be a whole number from 1 to 64/);
    }
  });

  it('stops at an argument it does not know, saying where ports and the rest are set', () => {
    expect(() => commandLineFrom(['--port', '8080'])).toThrow(/Unknown argument "--port"\. Set PORT in the environment instead\.\nUsage:/);
    expect(() => commandLineFrom(['--host=0.0.0.0'])).toThrow(/Set HOST in the environment instead/);
    expect(() => commandLineFrom(['--workers', '2', 'serve'])).toThrow(/Unknown argument "serve"/);
    expect(() => commandLineFrom(['--workers', '2', '--workers=3'])).toThrow(/--workers is given twice/);
  });
});

describe('a worker’s log lines', () => {
  it('names the worker on every line, a stack trace’s too', () => {
    expect(workerLines(2, ['[support] listening on %s', 'http://127.0.0.1:8787'])).toBe('[support worker 2] listening on http://127.0.0.1:8787');
    const error = new Error('disk full');
    error.stack = 'Error: disk full\n    at write (store.ts:1:1)\n    at flush (store.ts:2:2)';
    const lines = workerLines(3, [error]).split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\[support worker 3\] /);
    expect(lines[1]).toBe('[support worker 3]     at write (store.ts:1:1)');
  });
});

describe('a specialist’s message by e-mail', () => {
  it('says a specialist wrote, and names the files, one or several, in the e-mail’s language', () => {
    const base = { to: 'anna@example.ru', name: 'Anna', number: 'UP-2026-000007', subject: 'Test <b>', status: 'answered' as const, text: 'See the screenshot.', page: null, guest: false, unsubscribeUrl: null };
    const en = renderEmail({ ...base, locale: 'en', message: true, files: ['a <b>.png', 'guide.pdf'] });
    expect(en.subject).toBe('Request UP-2026-000007: a specialist wrote');
    expect(en.text).toContain('The specialist attached files: “a <b>.png”, “guide.pdf”. You can download them from the request.');
    expect(en.html).toContain('“a &#60;b&#62;.png”');
    const ru = renderEmail({ ...base, message: true, files: ['Инструкция.pdf'] });
    expect(ru.subject).toBe('Обращение № UP-2026-000007: специалист написал');
    expect(ru.text).toContain('Специалист приложил файл «Инструкция.pdf»: скачать его можно в обращении.');
    expect(renderEmail(base).text).not.toContain('приложил');
  });

  it('does not tell the reporter there is no need to reply when a specialist asked, answered or wrote', () => {
    const base = { to: 'anna@example.ru', name: 'Anna', number: 'UP-2026-000007', subject: 'Тест', text: 'Какой браузер?', page: null, guest: false, unsubscribeUrl: null };
    const noReply = 'Ответ на это письмо специалист не получит: написать ему можно в обращении.';
    for (const email of [renderEmail({ ...base, status: 'clarification_requested' }), renderEmail({ ...base, status: 'answered' }), renderEmail({ ...base, status: 'in_progress', message: true })]) {
      expect(email.text).toContain(noReply);
      expect(email.html).toContain(noReply);
      expect(email.text).not.toContain('отвечать на него не нужно');
    }
    expect(renderEmail({ ...base, status: 'clarification_requested', locale: 'en' }).text).toContain('A reply to this e-mail does not reach the specialist: write to them in the request.');
    // A receipt or a resolution asks nothing of the reporter.
    for (const status of ['registered', 'resolved'] as const) expect(renderEmail({ ...base, status, text: null }).text).toContain('Это письмо отправлено автоматически, отвечать на него не нужно.');
  });
});

describe('the per-IP limits’ address', () => {
  it('is an IPv4 address as it is, an IPv6 one by its /64, so one host cannot take a fresh address per request', () => {
    expect(addressGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressGroup('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:85a3:0::/64');
    expect(addressGroup('2001:db8:85a3:0:1:2:3:4')).toBe(addressGroup('2001:0db8:85a3:0000:ffff::1'));
    expect(addressGroup('2001:db8:85a3:1::1')).not.toBe(addressGroup('2001:db8:85a3:2::1'));
    expect(addressGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    // An IPv4 client behind a NAT64 gateway (64:ff9b::/96) is counted by its own IPv4 address, in either spelling.
    expect(addressGroup('64:ff9b::102:304')).toBe('1.2.3.4');
    expect(addressGroup('64:ff9b::cb00:7107')).toBe('203.0.113.7');
    expect(addressGroup('64:ff9b:0:0:0:0:cb00:7108')).toBe('203.0.113.8');
  });
});

describe('the language of e-mails and pages', () => {
  it('is English only when the browser asks for English before Russian, by weight then order', () => {
    expect(preferredLocale(undefined)).toBe('ru');
    expect(preferredLocale('*')).toBe('ru');
    expect(preferredLocale('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru');
    expect(preferredLocale('en-US,en;q=0.9')).toBe('en');
    expect(preferredLocale('de-DE,en;q=0.8,ru;q=0.7')).toBe('en');
    expect(preferredLocale('ru;q=0.5, en;q=0.8')).toBe('en');
    expect(preferredLocale('en;q=0, ru')).toBe('ru');
    expect(preferredLocale('fr, de')).toBe('ru');
    expect(preferredLocale('EN-gb')).toBe('en');
    expect(preferredLocale('en;q=abc')).toBe('en');
  });
});
