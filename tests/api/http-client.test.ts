/** The HTTP client against the real reference server (temp SQLite): no mocks of the server. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSupportApi, newGuestKey, newIdempotencyKey } from '../../src/api';
import type { HttpSupportApiOptions } from '../../src/api';
import type { TicketDraftInput } from '../../src/core';
import { guestContact as contact, validDrafts } from '../fixtures/drafts';
import { shortSleep, startApiTestServer } from './server';
import type { ApiTestServer } from './server';

let ts: ApiTestServer;
beforeAll(async () => {
  ts = await startApiTestServer();
});
afterAll(() => ts.cleanup());

let users = 0;
/** A client for a fresh signed-in user. */
async function userClient(options: Partial<HttpSupportApiOptions> = {}) {
  users++;
  return createHttpSupportApi({ baseUrl: ts.baseUrl, token: await ts.token(`user-${users}`), sleep: shortSleep(), ...options });
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('HTTP client against the reference server', () => {
  it('reads meta without credentials', async () => {
    const api = createHttpSupportApi({ baseUrl: ts.baseUrl });
    const meta = value(await api.getMeta());
    expect(meta.timeZone).toBe('Europe/Moscow');
    expect(meta.limits.acceptedTypes).toContain('image/png');
  });

  it('uploads a PNG and creates, reads and lists a ticket with it', async () => {
    const api = await userClient();
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c81e3c' } }).png().toBuffer();
    const progress: number[] = [];
    const attachment = value(
      await api.uploadAttachment(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'screen.png', { onProgress: (f) => progress.push(f) }),
    );
    expect(attachment).toMatchObject({ contentType: 'image/png', width: 32, height: 24 });
    expect(progress).toEqual([0, 1]);

    const created = value(await api.createTicket({ ...validDrafts.technical, attachmentIds: [attachment.id] }, newIdempotencyKey()));
    expect(created.accessKey).toBeUndefined();
    expect(created.ticket).toMatchObject({ category: 'technical', status: 'registered', attachments: [{ id: attachment.id }] });
    expect(created.ticket.events).toHaveLength(1);

    expect(value(await api.getTicket(created.ticket.id))).toEqual(created.ticket);
    const list = value(await api.listTickets());
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: created.ticket.id, number: created.ticket.number, lastEventId: created.ticket.events[0]?.id });
  });

  it('deletes an unused upload, and cannot delete it twice', async () => {
    const api = await userClient();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    const attachment = value(await api.uploadAttachment(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'x.png'));
    expect(await api.deleteAttachment?.(attachment.id)).toEqual({ ok: true, value: null });
    const again = await api.deleteAttachment?.(attachment.id);
    expect(again).toMatchObject({ ok: false, error: { kind: 'http', status: 404 } });
  });

  it('downloads the user’s own file as it was stored, and not another user’s', async () => {
    const api = await userClient();
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).png().toBuffer();
    const attachment = value(await api.uploadAttachment(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'shot.png'));
    const file = value(await api.downloadAttachment(attachment.id));
    expect(file.type).toBe('image/png');
    expect(file.size).toBe(attachment.size);
    const stored = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(stored).toMatchObject({ width: 8, height: 8 });
    const other = await userClient();
    expect(await other.downloadAttachment(attachment.id)).toMatchObject({ ok: false, error: { kind: 'http', status: 404 } });
  });

  it('creates exactly one ticket when the answer to a create is lost and the client retries', async () => {
    let lost = 0;
    // The server processes the request; the client never sees the answer (a connection cut after the commit).
    const flaky: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === 'POST' && String(input).endsWith('/tickets') && lost === 0) {
        lost++;
        await response.text();
        throw new TypeError('network connection was lost');
      }
      return response;
    };
    const seenKeys: string[] = [];
    const spying: typeof fetch = (input, init) => {
      const key = new Headers(init?.headers).get('Idempotency-Key');
      if (key !== null) seenKeys.push(key);
      return flaky(input, init);
    };
    const api = await userClient({ fetch: spying });
    const key = newIdempotencyKey();
    const created = value(await api.createTicket(validDrafts.order, key));
    expect(lost).toBe(1);
    expect(seenKeys).toEqual([key, key]);
    // A resend after a reload (same draft, same key) replays the same ticket too.
    const resent = value(await api.createTicket(validDrafts.order, key));
    expect(resent.ticket.id).toBe(created.ticket.id);
    expect(value(await api.listTickets()).map((ticket) => ticket.id)).toEqual([created.ticket.id]);
  });

  it('returns several_problems with the parts and markers the server found, for the form to offer a split', async () => {
    const api = await userClient();
    const description = 'Не открывается курс «Охрана труда». Также не приходит письмо с паролем новым слушателям.';
    const result = await api.createTicket({ ...validDrafts.order, description }, newIdempotencyKey());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'http', status: 422, code: 'several_problems', markers: ['Также'] });
    if (result.error.kind !== 'http') return;
    expect(result.error.parts).toHaveLength(2);
  });

  it('returns field errors typed, with the server Russian messages', async () => {
    const api = await userClient();
    const course = validDrafts.course as Extract<TicketDraftInput, { category: 'course' }>;
    const result = await api.createTicket({ ...course, subject: '  ', course: { title: '', url: 'ftp://x' } }, newIdempotencyKey());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'http', status: 422, code: 'validation_failed' });
    if (result.error.kind !== 'http') return;
    expect(result.error.fields).toMatchObject({
      subject: 'Укажите тему обращения',
      'course.title': 'Укажите полное название курса',
      'course.url': 'Вставьте ссылку на курс целиком: адрес страницы вместе с http:// или https://',
    });
  });

  it('refreshes an expired token once through getToken and goes on', async () => {
    const tokens = [await ts.token('refresh-user', '-5m'), await ts.token('refresh-user', '1h')];
    let asked = 0;
    const api = createHttpSupportApi({ baseUrl: ts.baseUrl, getToken: async () => tokens[asked++] ?? null, sleep: shortSleep() });
    expect(value(await api.listTickets())).toEqual([]);
    expect(asked).toBe(2);
    expect(value(await api.listTickets())).toEqual([]);
    expect(asked).toBe(2);
  });

  it('gives up with a typed 401 when the refreshed token is refused too', async () => {
    let asked = 0;
    const expired = await ts.token('expired-user', '-5m');
    const api = createHttpSupportApi({ baseUrl: ts.baseUrl, getToken: () => (asked++ === 0 ? 'not-a-jwt' : expired), sleep: shortSleep() });
    expect(await api.listTickets()).toMatchObject({ ok: false, error: { kind: 'http', status: 401, code: 'unauthorized' } });
    expect(asked).toBe(2);
  });

  it("answers 404 for someone else's ticket", async () => {
    const owner = await userClient();
    const created = value(await owner.createTicket(validDrafts.other, newIdempotencyKey()));
    const stranger = await userClient();
    expect(await stranger.getTicket(created.ticket.id)).toMatchObject({ ok: false, error: { kind: 'http', status: 404, code: 'not_found' } });
    const guest = createHttpSupportApi({ baseUrl: ts.baseUrl, guestKey: newGuestKey() });
    expect(await guest.getTicket(created.ticket.id)).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('asks the server in the language it is given: its errors come back in it, and Russian without one', async () => {
    const owner = await userClient();
    const created = value(await owner.createTicket(validDrafts.other, newIdempotencyKey()));
    let language = 'en';
    const stranger = await userClient({ language: () => language });
    expect(await stranger.getTicket(created.ticket.id)).toMatchObject({ ok: false, error: { status: 404, message: 'Ticket not found.' } });
    // Asked at every call: the widget's language may change while it runs.
    language = 'ru';
    expect(await stranger.getTicket(created.ticket.id)).toMatchObject({ ok: false, error: { status: 404, message: 'Обращение не найдено.' } });
    const plain = await userClient();
    expect(await plain.getTicket(created.ticket.id)).toMatchObject({ ok: false, error: { status: 404, message: 'Обращение не найдено.' } });
  });

  it('reads and replaces the reporter’s e-mail preference with a PUT', async () => {
    const api = await userClient();
    expect(value(await api.getNotificationPrefs())).toEqual({ email: true });
    expect(value(await api.setNotificationPrefs({ email: false }))).toEqual({ email: false });
    expect(value(await api.getNotificationPrefs())).toEqual({ email: false });
    expect(value(await api.setNotificationPrefs({ email: true }))).toEqual({ email: true });
    expect(value(await api.getNotificationPrefs())).toEqual({ email: true });
  });

  it('lets a guest create with contact fields, read back with the guest key, and with the access key', async () => {
    const guest = createHttpSupportApi({ baseUrl: ts.baseUrl, guestKey: newGuestKey() });
    const created = value(await guest.createTicket({ ...validDrafts.other, contact, consent: true }, newIdempotencyKey()));
    expect(created.accessKey).toMatch(/^[A-Za-z0-9_-]{32,128}$/);
    expect(created.ticket.reporter).toMatchObject({ guest: true, fullName: contact.fullName });
    expect(value(await guest.getTicket(created.ticket.id)).id).toBe(created.ticket.id);
    // On another device the access key itself is the guest's credential for this ticket.
    const elsewhere = createHttpSupportApi({ baseUrl: ts.baseUrl, guestKey: created.accessKey ?? '' });
    expect(value(await elsewhere.getTicket(created.ticket.id)).id).toBe(created.ticket.id);
  });

  it('asks a guest without contact fields for each of them', async () => {
    const guest = createHttpSupportApi({ baseUrl: ts.baseUrl, guestKey: newGuestKey() });
    const result = await guest.createTicket(validDrafts.other, newIdempotencyKey());
    expect(result).toMatchObject({ ok: false, error: { status: 422, fields: { 'contact.fullName': 'Укажите ваше ФИО' } } });
  });

  it('sends a reply to a clarification request (answered with the change) and cancels (answered with the ticket)', async () => {
    const api = await userClient();
    const { ticket } = value(await api.createTicket(validDrafts.technical, newIdempotencyKey()));
    expect(await ts.setStatus(ticket.id, 'clarification_requested', 'Какой у вас браузер?')).toBe(200);
    const replied = value(await api.sendMessage(ticket.id, { text: 'Chrome 131' }));
    // The answer is the new summary and the one event the reply added, not the whole ticket.
    expect(replied).toMatchObject({ id: ticket.id, status: 'clarification_sent', event: { actor: 'reporter', text: 'Chrome 131', status: 'clarification_sent' } });
    expect(replied).not.toHaveProperty('events');

    const cancelled = value(await api.cancelTicket(ticket.id));
    expect(cancelled.status).toBe('cancelled');
    // Cancelling again (another tab, or a retry whose first attempt went through) is still "cancelled".
    expect(value(await api.cancelTicket(ticket.id)).status).toBe('cancelled');
    // Writing into a closed ticket is refused with the server's message.
    expect(await api.sendMessage(ticket.id, { text: 'Ещё' })).toMatchObject({ ok: false, error: { status: 409, code: 'illegal_transition' } });
  });

  it('cancel of a resolved ticket stays a 409', async () => {
    const api = await userClient();
    const { ticket } = value(await api.createTicket(validDrafts.other, newIdempotencyKey()));
    expect(await ts.setStatus(ticket.id, 'resolved')).toBe(200);
    expect(await api.cancelTicket(ticket.id)).toMatchObject({ ok: false, error: { status: 409 } });
  });

  it('refuses an unknown attachment type with a typed 415', async () => {
    const api = await userClient();
    const result = await api.uploadAttachment(new Blob(['<html><script>alert(1)</script></html>'], { type: 'text/html' }), 'x.html');
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 415, code: 'unsupported_media_type' } });
  });

  it('aborts a call', async () => {
    const api = await userClient();
    const controller = new AbortController();
    const pending = api.listTickets(controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'aborted' } });
  });

  it('reports an unreachable server as a network failure after its retries', async () => {
    const api = createHttpSupportApi({ baseUrl: 'http://127.0.0.1:9/api/v1', sleep: shortSleep(1), maxAttempts: 3 });
    expect(await api.getMeta()).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});
