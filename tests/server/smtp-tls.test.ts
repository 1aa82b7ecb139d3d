/**
 * The mail server's password never goes over an unencrypted connection: with a user and password in an smtp://
 * address, a mail server (smtp-server, started here) that offers AUTH but not STARTTLS gets no password and the
 * e-mail waits in the outbox, its error saying why; `requireTLS=false` in the address is the operator's own choice
 * for a relay without TLS.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTicketResponseSchema } from '../../src/core';
import { smtpTransportUrl } from '../../src/server/outbox/dispatcher';
import { deliveryListSchema } from '../../src/server/schemas';
import { validDrafts } from '../fixtures/drafts';
import { agentAuth, call, createTicket, startTestServer, userAuth } from './helpers';
import type { TestServer } from './helpers';

/** A mail server that takes a password without TLS (it offers no STARTTLS), and records every one it gets. */
class PlainAuthSmtp {
  readonly passwords: string[] = [];
  mails = 0;
  port = 0;
  private readonly server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth: (auth, _session, done) => {
      this.passwords.push(auth.password ?? '');
      done(null, { user: auth.username });
    },
    onData: (stream, _session, done) => {
      stream.resume();
      stream.on('end', () => {
        this.mails += 1;
        done();
      });
    },
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('the mail server’s password', { timeout: 45_000 }, () => {
  let smtp: PlainAuthSmtp | null = null;
  let ts: TestServer | null = null;
  afterEach(async () => {
    await ts?.cleanup();
    await smtp?.stop();
    ts = null;
    smtp = null;
  });

  /** A server mailing through `query` on the plain-auth server; a specialist answers a ticket, which e-mails its reporter. */
  async function answerMailedThrough(query: string) {
    smtp = new PlainAuthSmtp();
    await smtp.start();
    const server = await startTestServer({ config: { notifications: { smtpUrl: `smtp://mailuser:MailPassw0rd@127.0.0.1:${smtp.port}${query}`, pollMs: 50, retryBaseMs: 60_000 } } });
    ts = server;
    const { ticket } = createTicketResponseSchema.parse((await createTicket(server, await userAuth(server, 'alice'), validDrafts.technical)).body);
    expect((await call(server, 'POST', `/agent/tickets/${ticket.id}/status`, { auth: agentAuth, json: { status: 'answered', text: 'Очистите кэш.' } })).status).toBe(200);
    const email = async () => deliveryListSchema.parse((await call(server, 'GET', '/agent/deliveries', { auth: agentAuth })).body).deliveries.find((d) => d.kind === 'email' && d.ticketId === ticket.id);
    return { email };
  }

  it('is not sent to a mail server that offers no STARTTLS: the e-mail waits, its error says why', async () => {
    const { email } = await answerMailedThrough('');
    // The attempt is counted when it starts; its error is recorded when it has failed.
    await vi.waitFor(async () => expect((await email())?.lastError).not.toBeNull(), { timeout: 15_000, interval: 50 });
    const delivery = await email();
    expect(delivery?.status).toBe('pending');
    expect(delivery?.lastError).toMatch(/the mail server offers no STARTTLS, and the password is not sent without it: .*\?requireTLS=false/);
    expect(smtp?.passwords).toEqual([]);
    expect(smtp?.mails).toBe(0);
  });

  it('is sent in clear only when the address says requireTLS=false', async () => {
    const { email } = await answerMailedThrough('?requireTLS=false');
    await vi.waitFor(async () => expect((await email())?.status).toBe('sent'), { timeout: 15_000, interval: 50 });
    // The receipt and the answer, the password given on each connection.
    await vi.waitFor(() => expect(smtp?.mails).toBe(2), { timeout: 15_000, interval: 50 });
    expect(new Set(smtp?.passwords)).toEqual(new Set(['MailPassw0rd']));
  });

  it('requires STARTTLS only where a password would go in clear', () => {
    expect(smtpTransportUrl('smtp://user:secret@mail.example.ru:587')).toBe('smtp://user:secret@mail.example.ru:587?requireTLS=true');
    expect(smtpTransportUrl('smtp://mail.example.ru:25')).toBe('smtp://mail.example.ru:25');
    expect(smtpTransportUrl('smtps://user:secret@mail.example.ru:465')).toBe('smtps://user:secret@mail.example.ru:465');
    expect(smtpTransportUrl('smtp://user:secret@mail.example.ru:587?requireTLS=false')).toBe('smtp://user:secret@mail.example.ru:587?requireTLS=false');
  });
});
