import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema, ticketListSchema, ticketSchema } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, expectError, guestAuth, guestContact, startTestServer, tableCounts, userAuth } from './helpers';
import type { TestServer } from './helpers';

const CONSENT_REQUIRED = 'Подтвердите согласие на обработку персональных данных: без него обращение гостя не принимается';

describe('guests', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  it('must send contact fields: each missing one is named', async () => {
    const reply = await createTicket(ts, guestAuth(), validDrafts.other);
    expectError(reply, 422, 'validation_failed');
    expect((reply.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      'contact.organization': 'Укажите название организации',
      'contact.lmsUrl': 'Укажите ссылку на СДО',
      'contact.fullName': 'Укажите ваше ФИО',
      'contact.role': 'Выберите вашу роль в СДО',
      'contact.phone': 'Укажите контактный телефон',
      consent: CONSENT_REQUIRED,
    });
    const badPhone = await createTicket(ts, guestAuth(), { ...validDrafts.other, contact: { ...guestContact, phone: '12345', email: 'nope' }, consent: true });
    expect((badPhone.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      'contact.phone': 'Введите номер телефона: российский, например +7 912 345-67-89, или другой страны с её кодом, например +44 20 7946 0958',
      'contact.email': 'Проверьте адрес почты, например ivanova@example.ru',
    });
  });

  it('takes another country\'s phone written with its code: a foreign guest can file a ticket', async () => {
    for (const [phone, stored] of [['+44 20 7946 0958', '+442079460958'], ['+7 701 234 56 78', '+77012345678']]) {
      const reply = await createTicket(ts, guestAuth(), { ...validDrafts.other, contact: { ...guestContact, phone }, consent: true });
      expect(reply.status, reply.text).toBe(201);
      expect(createTicketResponseSchema.parse(reply.body).ticket.reporter.phone).toBe(stored);
    }
    // A Russian number with a stray «+» before its 8 is a mistake, not a country.
    expectError(await createTicket(ts, guestAuth(), { ...validDrafts.other, contact: { ...guestContact, phone: '+8 912 345-67-89' }, consent: true }), 422, 'validation_failed');
  });

  it('creates with contact, gets an access key once, and reads the ticket back from a new device', async () => {
    const guest = guestAuth();
    const reply = await createTicket(ts, guest, { ...validDrafts.order, contact: guestContact, consent: true });
    expect(reply.status, reply.text).toBe(201);
    const { ticket, accessKey } = createTicketResponseSchema.parse(reply.body);
    expect(accessKey).toMatch(/^[A-Za-z0-9_-]{32,128}$/);
    expect(ticket.reporter).toMatchObject({ guest: true, fullName: guestContact.fullName, phone: '+79123456789', role: 'listener' });
    // The consent is stored as when it was given, not as a field of the problem.
    expect(ticket.consentAt).toBe(ticket.createdAt);
    expect(ticket).not.toHaveProperty('consent');

    // Same guest: sees it in the list.
    expect(ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: guest })).body).tickets).toHaveLength(1);
    // New device: only the access key.
    const device = `Guest ${accessKey}`;
    const read = await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: device });
    expect(read.status).toBe(200);
    expect(ticketSchema.parse(read.body).number).toBe(ticket.number);
    expect(ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: device })).body).tickets.map((t) => t.id)).toEqual([ticket.id]);
    // Another guest sees nothing; the key is not stored in plain text.
    expectError(await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: guestAuth() }), 404, 'not_found');
    // The access key works for messages and cancel too.
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/messages`, { auth: device, json: { text: 'Дополнение' } })).status).toBe(201);
    expect((await call(ts, 'POST', `/tickets/${ticket.id}/cancel`, { auth: device })).status).toBe(200);
  });

  it('answers a wrong access key exactly as an unknown number: the pair is checked whole, neither half is told', async () => {
    const guest = guestAuth();
    const { ticket, accessKey } = createTicketResponseSchema.parse((await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, consent: true })).body);
    const wrongKey = guestAuth();
    const unknownNumber = ticket.number.replace(/\d{6}$/, '999999');
    const right = `Guest ${accessKey ?? ''}`;
    // The right pair reads, follows and writes to the ticket, by number as by id.
    expect((await call(ts, 'GET', `/tickets/${ticket.number}`, { auth: right })).status).toBe(200);
    const routes: Array<[string, (ref: string) => string, Record<string, unknown> | undefined]> = [
      ['GET', (ref) => `/tickets/${ref}`, undefined],
      ['GET', (ref) => `/tickets/${ref}/events`, undefined],
      ['POST', (ref) => `/tickets/${ref}/messages`, { text: 'Дополнение' }],
      ['POST', (ref) => `/tickets/${ref}/cancel`, undefined],
      ['POST', (ref) => `/tickets/${ref}/rating`, { score: 5 }],
    ];
    for (const [method, path, json] of routes) {
      const options = json === undefined ? {} : { json };
      const withWrongKey = await call(ts, method, path(ticket.number), { auth: wrongKey, ...options });
      const withWrongKeyById = await call(ts, method, path(ticket.id), { auth: wrongKey, ...options });
      const unknown = await call(ts, method, path(unknownNumber), { auth: right, ...options });
      expectError(withWrongKey, 404, 'not_found');
      for (const reply of [withWrongKeyById, unknown]) {
        expect([reply.status, reply.body], `${method} ${path('…')}`).toEqual([withWrongKey.status, withWrongKey.body]);
        expect(reply.headers.get('content-type')).toBe(withWrongKey.headers.get('content-type'));
      }
    }
    // Nothing was changed by the refused writes.
    const after = ticketSchema.parse((await call(ts, 'GET', `/tickets/${ticket.id}`, { auth: right })).body);
    expect(after.status).toBe('registered');
    expect(after.events).toHaveLength(1);
    // A wrong key lists nothing rather than failing: it is a guest with no tickets.
    expect(ticketListSchema.parse((await call(ts, 'GET', '/tickets', { auth: wrongKey })).body).tickets).toEqual([]);
  });

  it('refuses a guest ticket without consent, stores nothing, and records the time of a given one for the specialist', async () => {
    const guest = guestAuth();
    const before = tableCounts(ts.dbPath).tickets;
    for (const consent of [undefined, false, 'yes', 1, null]) {
      const reply = await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, ...(consent === undefined ? {} : { consent }) });
      expectError(reply, 422, 'validation_failed');
      expect((reply.body as { error: { fields: Record<string, string> } }).error.fields).toEqual({ consent: CONSENT_REQUIRED });
    }
    expect(tableCounts(ts.dbPath).tickets).toBe(before);

    const given = createTicketResponseSchema.parse((await createTicket(ts, guest, { ...validDrafts.other, contact: guestContact, consent: true })).body).ticket;
    expect(given.consentAt).toBe(given.createdAt);
    const seen = ticketSchema.parse((await call(ts, 'GET', `/agent/tickets/${given.id}`, { auth: agentAuth })).body);
    expect(seen.consentAt).toBe(given.createdAt);
  });

  it('asks no consent of a signed-in user: the LMS agreement covers them, and one sent is ignored', async () => {
    const user = await userAuth(ts, 'consent-user');
    const plain = createTicketResponseSchema.parse((await createTicket(ts, user, validDrafts.other)).body).ticket;
    expect(plain.consentAt).toBeUndefined();
    const sent = await createTicket(ts, user, { ...validDrafts.other, consent: 'whatever' });
    expect(sent.status, sent.text).toBe(201);
    expect(ticketSchema.parse((sent.body as { ticket: unknown }).ticket)).not.toHaveProperty('consentAt');
  });
});
