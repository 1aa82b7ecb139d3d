/**
 * The example `POST /tickets` body in docs/http-contract.md is what an integrator copies first: it must be
 * accepted as written, from a signed-in user and, with the contact and consent the document names, from a guest.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { guestContact } from '../fixtures/drafts';
import { createTicket, guestAuth, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

const contract = readFileSync(new URL('../../docs/http-contract.md', import.meta.url), 'utf8');
const block = /<!-- example: POST \/tickets[^>]*-->\s*```json\n([\s\S]*?)```/.exec(contract)?.[1];

describe('the HTTP contract’s example ticket', () => {
  let ts: TestServer;
  beforeAll(async () => {
    ts = await startTestServer();
  });
  afterAll(() => ts.cleanup());

  it('is in the document', () => {
    expect(block).toBeDefined();
  });

  it('registers as written for a signed-in user, and for a guest with contact and consent', async () => {
    const example = JSON.parse(block ?? '{}') as Record<string, unknown>;
    const reply = await createTicket(ts, await userAuth(ts, 'alice'), example);
    expect(reply.status, reply.text).toBe(201);
    const { ticket } = createTicketResponseSchema.parse(reply.body);
    expect(ticket.category).toBe('technical');
    const guest = await createTicket(ts, guestAuth(), { ...example, contact: guestContact, consent: true });
    expect(guest.status, guest.text).toBe(201);
  });
});
