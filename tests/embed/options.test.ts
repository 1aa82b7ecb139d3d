import { describe, expect, it } from 'vitest';
import { contextFromAccount, contextFromToken, mapRole } from '../../src/embed/host-context';
import { initOptionsSchema, openArgsSchema, parseOrThrow, UchiSupportOptionError } from '../../src/embed/options';
import { toPageErrors } from '../../src/embed/page';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (claims: unknown) => `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.signature`;

describe('init options', () => {
  it('accepts the documented options', () => {
    expect(() =>
      parseOrThrow('init', initOptionsSchema, {
        apiUrl: 'https://support.example.ru/api/v1',
        token: 'a.b.c',
        locale: 'en',
        theme: 'dark',
        mode: 'launcher',
        placement: 'bottom-left',
        offset: { x: 10, y: 30 },
        nonce: 'abc',
        headingLevel: 2,
      }),
    ).not.toThrow();
  });

  it.each([
    [{}, 'UchiSupport init: "apiUrl" is missing (it must be string)'],
    // A value of the wrong type is named as given, not as missing.
    [{ apiUrl: 42 }, 'UchiSupport init: "apiUrl" must be string, not number'],
    [{ apiUrl: 'https://a.ru/api', token: 42 }, 'UchiSupport init: "token" must be string, not number'],
    [{ apiUrl: 'https://a.ru/api', zIndex: '100' }, 'UchiSupport init: "zIndex" must be number, not string'],
    [{ apiUrl: 'https://a.ru/api', zIndex: 1.5 }, 'UchiSupport init: "zIndex" must be int, not number'],
    [{ apiUrl: 'https://a.ru/api', pageErrors: 'no' }, 'UchiSupport init: "pageErrors" must be boolean, not string'],
    // A number out of range is not "too long".
    [{ apiUrl: 'https://a.ru/api', offset: { x: 600, y: 0 } }, 'UchiSupport init: "offset.x" must be at most 500'],
    [{ apiUrl: 'javascript:alert(1)' }, 'UchiSupport init: "apiUrl" must be an absolute http(s) URL'],
    [{ apiUrl: 'https://a.ru/api', locale: 'de' }, 'UchiSupport init: "locale" must be one of "ru", "en"'],
    [{ apiUrl: 'https://a.ru/api', mode: 'popup' }, 'UchiSupport init: "mode" must be one of "launcher", "inline"'],
    [{ apiUrl: 'https://a.ru/api', getToken: 'token' }, 'UchiSupport init: "getToken" must be a function'],
    [{ apiUrl: 'https://a.ru/api', offset: { x: -1, y: 0 } }, 'UchiSupport init: "offset.x"'],
    [{ apiUrl: 'https://a.ru/api', headingLevel: 5 }, 'UchiSupport init: "headingLevel" must be one of 1, 2, 3, 4'],
    [{ apiUrl: 'https://a.ru/api', headingLevel: '2' }, 'UchiSupport init: "headingLevel" must be one of 1, 2, 3, 4'],
    [{ apiUrl: 'https://a.ru/api', lang: 'ru' }, 'UchiSupport init: the argument has unknown option(s) lang'],
    // A signed-in user has an LMS role: `guest` is what the widget is without a context.
    [{ apiUrl: 'https://a.ru/api', context: { fullName: 'Иванова Анна', role: 'guest', organization: { title: 'Школа' }, lmsUrl: 'https://lms.example.ru' } }, 'UchiSupport init: "context.role" must be one of "administrator", "manager", "teacher", "editor", "listener", "contractor", "agent"'],
    [null, 'UchiSupport init: the argument must be object, not null'],
    [undefined, 'UchiSupport init: the argument is missing (it must be object)'],
  ])('refuses %j with a message naming the option', (value, message) => {
    expect(() => parseOrThrow('init', initOptionsSchema, value)).toThrow(UchiSupportOptionError);
    expect(() => parseOrThrow('init', initOptionsSchema, value)).toThrow(message);
  });

  it('checks open() pre-fill', () => {
    expect(parseOrThrow('open', openArgsSchema, { category: 'order', orderUrl: 'https://lms.ru/orders/1' })).toEqual({
      category: 'order',
      orderUrl: 'https://lms.ru/orders/1',
    });
    expect(() => parseOrThrow('open', openArgsSchema, { category: 'bug' })).toThrow('UchiSupport open: "category" must be one of');
    // A misspelt field is told, not dropped; a text too long names the limit.
    expect(() => parseOrThrow('open', openArgsSchema, { categroy: 'order' })).toThrow('UchiSupport open: the argument has unknown option(s) categroy');
    expect(() => parseOrThrow('open', openArgsSchema, { subject: 'x'.repeat(201) })).toThrow('UchiSupport open: "subject" is too long (at most 200 characters)');
  });

  it('checks the ticket open() names: a number as the e-mails write it', () => {
    expect(parseOrThrow('open', openArgsSchema, { ticket: 'UP-2026-000123' })).toEqual({ ticket: 'UP-2026-000123' });
    for (const ticket of ['123', 'up-2026-000123', 'UP-2026-000123 ', 'x'.repeat(64)]) {
      expect(() => parseOrThrow('open', openArgsSchema, { ticket })).toThrow('UchiSupport open: "ticket" must be a ticket number like UP-2026-000123');
    }
  });
});

describe('host context adapters', () => {
  it('maps the Uchi.Pro account shape (vendor object)', () => {
    expect(
      contextFromAccount(
        {
          uuid: 'u-1',
          title: 'Иванова Анна Сергеевна',
          email: 'anna@example.ru',
          phone: '8 912 345-67-89',
          role: { code: 'listener', title: 'Слушатель' },
          vendor: { uuid: 'v-9', title: 'Учебный центр «Пример»' },
        },
        'https://center.uchi.pro',
      ),
    ).toEqual({
      userId: 'u-1',
      fullName: 'Иванова Анна Сергеевна',
      role: 'listener',
      organization: { id: 'v-9', title: 'Учебный центр «Пример»' },
      lmsUrl: 'https://center.uchi.pro',
      phone: '8 912 345-67-89',
      email: 'anna@example.ru',
    });
  });

  it('maps the flat vendor fields and role aliases', () => {
    const context = contextFromAccount(
      { uuid: 'u-2', title: 'Петров Пётр', role: 'admin', vendor_uuid: 'v-1', vendor_title: 'ООО Ромашка', phone: null },
      'https://lms.example.ru',
    );
    expect(context).toMatchObject({ role: 'administrator', organization: { id: 'v-1', title: 'ООО Ромашка' } });
    expect(context).not.toHaveProperty('phone');
    expect(mapRole('Counterparty')).toBe('contractor');
    expect(mapRole('superuser')).toBeNull();
  });

  it('names what an account lacks rather than showing the user as a guest or a listener', () => {
    const account = { uuid: 'u-4', title: 'Кузнецов Андрей', role: { code: 'manager' }, vendor: { title: 'ООО Ромашка' } };
    expect(contextFromAccount(account, 'https://lms.example.ru')).toMatchObject({ role: 'manager', organization: { title: 'ООО Ромашка' } });
    expect(() => contextFromAccount({ ...account, vendor: undefined }, 'https://lms.example.ru')).toThrow(UchiSupportOptionError);
    expect(() => contextFromAccount({ ...account, vendor: null }, 'https://lms.example.ru')).toThrow('UchiSupport init: "account.vendor" is missing');
    expect(() => contextFromAccount({ ...account, role: { code: 'owner' } }, 'https://lms.example.ru', 'setContext')).toThrow(
      'UchiSupport setContext: "account.role.code" is "owner", not one of administrator, manager, teacher, editor, listener, contractor, agent',
    );
    expect(() => contextFromAccount({ ...account, role: 'owner' }, 'https://lms.example.ru')).toThrow('"account.role" is "owner"');
    expect(() => contextFromAccount(account, 'not a url')).toThrow('UchiSupport init: "account" does not make a user: "lmsUrl"');
    // A contact the widget cannot read is left out; the user is still who the account says.
    const context = contextFromAccount({ ...account, phone: '12', email: 'not an address' }, 'https://lms.example.ru');
    expect(context).toMatchObject({ userId: 'u-4', role: 'manager' });
    expect(context).not.toHaveProperty('phone');
    expect(context).not.toHaveProperty('email');
  });

  it('reads a token’s claims for display, and refuses a foreign token', () => {
    const claims = { sub: 'u-3', name: 'Сидорова Ольга', role: 'teacher', org: { title: 'Школа' }, lms: 'https://s.uchi.pro', exp: 2_000_000_000 };
    expect(contextFromToken(token(claims))).toEqual({
      userId: 'u-3',
      fullName: 'Сидорова Ольга',
      role: 'teacher',
      organization: { title: 'Школа' },
      lmsUrl: 'https://s.uchi.pro',
    });
    expect(contextFromToken('not-a-token')).toBeNull();
    expect(contextFromToken(token({ sub: 'x' }))).toBeNull();
  });
});

describe('page errors', () => {
  it('keeps the last 20 as messages, with the first stack line as source', () => {
    const error = new TypeError('x is undefined');
    const recorded = [...Array.from({ length: 25 }, (_, i) => `message ${i}`), error];
    const errors = toPageErrors(recorded, new Date('2026-11-25T10:00:00Z'));
    expect(errors).toHaveLength(20);
    expect(errors[0]?.message).toBe('message 6');
    expect(errors[19]).toMatchObject({ message: 'TypeError: x is undefined', at: '2026-11-25T10:00:00.000Z' });
    expect(errors[19]?.source).toMatch(/options\.test\.ts/);
  });
});
