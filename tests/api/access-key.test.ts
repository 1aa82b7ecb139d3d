/**
 * A guest's ticket read with its access key (`withAccessKey`) against the real reference server: list, read by
 * number, follow live, write, download — the key in the `Authorization` header of every request and in no URL;
 * never a token asked for; a wrong key answered as an unknown number.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpSupportApi, createLazySupportApi, newGuestKey, newIdempotencyKey } from '../../src/api';
import type { TicketEvent } from '../../src/core';
import { guestContact as contact, validDrafts } from '../fixtures/drafts';
import { eventually, shortSleep, startApiTestServer } from './server';
import type { ApiTestServer } from './server';

let ts: ApiTestServer;
beforeAll(async () => {
  ts = await startApiTestServer();
});
afterAll(() => ts.cleanup());

function value<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A fetch that records each request's URL and Authorization header on its way to the real server. */
function recordingFetch() {
  const sent: Array<{ url: string; authorization: string | null }> = [];
  const fetchImpl: typeof fetch = (input, init) => {
    sent.push({ url: String(input instanceof Request ? input.url : input), authorization: new Headers(init?.headers).get('authorization') });
    return fetch(input, init);
  };
  return { sent, fetchImpl };
}

/** A guest ticket with a picture, sent from one device; its access key. */
async function guestTicket() {
  const device = createHttpSupportApi({ baseUrl: ts.baseUrl, guestKey: newGuestKey(), sleep: shortSleep() });
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#2f6fed' } }).png().toBuffer();
  const file = value(await device.uploadAttachment(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'screen.png'));
  const created = value(await device.createTicket({ ...validDrafts.other, contact, consent: true, attachmentIds: [file.id] }, newIdempotencyKey()));
  const accessKey = created.accessKey ?? '';
  expect(accessKey).toMatch(/^[A-Za-z0-9_-]{32,128}$/);
  return { ticket: created.ticket, accessKey, fileId: file.id };
}

describe('a guest ticket read with its access key', () => {
  it('lists, reads by number, follows, writes and downloads with the key in the header only, never asking for a token', async () => {
    const { ticket, accessKey, fileId } = await guestTicket();
    const { sent, fetchImpl } = recordingFetch();
    const getToken = vi.fn(() => 'not-a-token');
    const onUnauthorized = vi.fn();
    // Another device: the widget there has a token getter and a guest key of its own; the keyed client uses neither.
    const widget = createHttpSupportApi({ baseUrl: ts.baseUrl, guestKey: newGuestKey(), getToken, onUnauthorized, fetch: fetchImpl, sleep: shortSleep(), live: { pollIntervalMs: 20 } });
    const keyed = widget.withAccessKey(accessKey);

    expect(value(await keyed.listTickets()).map((line) => [line.id, line.number, line.status])).toEqual([[ticket.id, ticket.number, 'registered']]);
    const read = value(await keyed.getTicket(ticket.number));
    expect(read.id).toBe(ticket.id);
    expect((await value(await keyed.downloadAttachment(fileId)).arrayBuffer()).byteLength).toBeGreaterThan(0);

    const events: TicketEvent[] = [];
    const subscription = keyed.subscribe(ticket.id, read.events.at(-1)?.id ?? 0, { onEvent: (event) => events.push(event) });
    try {
      expect(await ts.setStatus(ticket.id, 'clarification_requested', 'Какой у вас браузер?')).toBe(200);
      await eventually(() => expect(events.map((event) => event.status)).toContain('clarification_requested'), 5000);
      const replied = value(await keyed.sendMessage(ticket.id, { text: 'Chrome 131' }));
      expect(replied).toMatchObject({ id: ticket.id, status: 'clarification_sent' });
    } finally {
      subscription.close();
    }

    expect(getToken).not.toHaveBeenCalled();
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(sent.length).toBeGreaterThanOrEqual(5);
    for (const request of sent) {
      expect(request.authorization).toBe(`Guest ${accessKey}`);
      expect(request.url).not.toContain(accessKey);
      expect(decodeURIComponent(request.url)).not.toContain(accessKey);
    }
  });

  it('answers a wrong key as an unknown number, and refuses a malformed key before any request', async () => {
    const { ticket } = await guestTicket();
    const api = createHttpSupportApi({ baseUrl: ts.baseUrl, sleep: shortSleep() });
    const wrongKey = await api.withAccessKey(newGuestKey()).getTicket(ticket.number);
    const unknownNumber = await api.withAccessKey(newGuestKey()).getTicket(ticket.number.replace(/\d{6}$/, '999999'));
    expect(wrongKey).toMatchObject({ ok: false, error: { kind: 'http', status: 404, code: 'not_found' } });
    expect(unknownNumber).toEqual(wrongKey);
    expect(value(await api.withAccessKey(newGuestKey()).listTickets())).toEqual([]);
    expect(() => api.withAccessKey('short')).toThrow(TypeError);
  });

  it('works the same through the lazily loaded client', async () => {
    const { ticket, accessKey } = await guestTicket();
    const lazy = createLazySupportApi({ baseUrl: ts.baseUrl, token: 'a-token-the-key-must-not-send', sleep: shortSleep() });
    const keyed = lazy.withAccessKey(accessKey);
    expect(value(await keyed.getTicket(ticket.number)).id).toBe(ticket.id);
    expect(value(await keyed.listTickets()).map((line) => line.id)).toEqual([ticket.id]);
  });
});
