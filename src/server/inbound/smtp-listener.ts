/**
 * The SMTP listener of replies by e-mail (SUPPORT_INBOUND_SMTP_PORT). It is a final destination, never a relay:
 * it takes mail only for the reply addresses the server signed, one ticket per message, from a mail server
 * (the domain's MX, or a relay that forwards the reply address's mail to it), and answers everything else 550.
 * No login, no TLS of its own: run it on the MX's private network or on localhost behind it.
 *
 * One client cannot hold it: at most {@link MAX_CLIENTS} connections, each closed after a minute of silence and
 * after ten minutes whatever it does, a message over SUPPORT_INBOUND_MAX_BYTES refused while it arrives (and never
 * kept in full), a command line of at most 4 kB, ten recipients a message.
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server';
import type { AppDeps } from '../context';
import type { InboundConfig } from '../config';
import { errorLine } from '../error-line';
import { ReplyRefusal, receiveReply } from './receive';
import { ticketOfReplyAddress } from './reply-address';

/** Connections at once (in each process): mail servers deliver a few at a time, and each holds up to maxBytes. */
export const MAX_CLIENTS = 10;
/** The longest a connection lasts, however it keeps talking: a message arrives in seconds. */
export const MAX_SESSION_MS = 10 * 60_000;

/** A running listener. */
export interface InboundListener {
  /** Where it listens, `smtp://127.0.0.1:2525`. */
  url: string;
  close(): Promise<void>;
}

/** A size as a refusal says it: in MB, or in KB under one. */
const sizeOf = (bytes: number): string => (bytes >= 1024 * 1024 ? `${Math.floor(bytes / 1024 / 1024)} MB` : `${Math.floor(bytes / 1024)} KB`);

/** An SMTP answer with its code. */
const refusal = (responseCode: number, message: string): Error => Object.assign(new Error(message), { responseCode });

/** The ticket the current message of a session is for: the number its first accepted recipient named. */
const TICKET = Symbol('ticket');
type Session = SMTPServerSession & { [TICKET]?: string };

/** Reads the message, at most `maxBytes` of it; null when it was longer (the rest is read and dropped). */
async function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return size > maxBytes || stream.sizeExceeded === true ? null : Buffer.concat(chunks);
}

/** Starts the listener; rejects when it cannot listen. */
export async function startInbound(deps: AppDeps, inbound: InboundConfig): Promise<InboundListener> {
  const { logger, config } = deps;
  const secrets = [config.tokenSecret, ...(config.previousTokenSecret === null ? [] : [config.previousTokenSecret])];
  const server = new SMTPServer({
    banner: 'Uchi.Pro support: replies to support e-mails',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: inbound.maxBytes,
    maxClients: MAX_CLIENTS,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    maxCommandLength: 4096,
    // One ticket's reply address per message: a few more are answered 452 one by one, not hundreds.
    maxRecipients: 10,
    disableReverseLookup: true,
    logger: false,
    onMailFrom(_address, session: Session, done) {
      // A new message (after RSET, or the next one of the connection) names its ticket anew.
      delete session[TICKET];
      done();
    },
    onRcptTo(address, session: Session, done) {
      const number = ticketOfReplyAddress(inbound.replyAddress, secrets, address.address);
      if (number === null) return done(refusal(550, '5.1.1 No such mailbox: replies go to the address in the e-mail answered'));
      // One ticket per message: a second one is asked again in a message of its own.
      if (session[TICKET] !== undefined && session[TICKET] !== number) return done(refusal(452, '4.5.3 One request per message: send the rest again'));
      session[TICKET] = number;
      done();
    },
    onData(stream, session: Session, done) {
      const number = session[TICKET];
      readMessage(stream, inbound.maxBytes)
        .then(async (raw) => {
          if (number === undefined) throw refusal(554, '5.5.1 No valid recipients');
          if (raw === null) throw refusal(552, `5.3.4 The message is larger than ${sizeOf(inbound.maxBytes)}: write in the request in the support widget instead`);
          const outcome = await receiveReply(deps, number, raw, session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address);
          if (outcome.kind === 'stored') logger.info(`[support] a reply by e-mail to ${number} is its event ${outcome.eventId}`);
          else if (outcome.kind === 'repeated') logger.info(`[support] a reply by e-mail to ${number} came again: kept once`);
          else logger.info(`[support] an e-mail to ${number} was dropped: ${outcome.reason}`);
        })
        .then(
          () => {
            delete session[TICKET];
            done();
          },
          (error: unknown) => {
            delete session[TICKET];
            if (error instanceof ReplyRefusal) {
              logger.info(`[support] a reply by e-mail to ${number ?? 'no request'} was refused: ${error.message}`);
              return done(refusal(error.responseCode, error.message));
            }
            if ((error as { responseCode?: unknown }).responseCode !== undefined) return done(error as Error);
            // The database or the parser failed: the mail server keeps the reply and tries again later.
            logger.error(`[support] a reply by e-mail to ${number ?? 'no request'} could not be filed: ${errorLine(error)}`);
            done(refusal(451, '4.3.0 The reply could not be filed now: try again later'));
          },
        );
    },
  });
  server.on('error', (error) => logger.warn(`[support] replies by e-mail: ${errorLine(error)}`));
  server.server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), MAX_SESSION_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.server.once('error', failed);
    server.listen(inbound.port, inbound.host, () => {
      server.server.off('error', failed);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  const host = inbound.host.includes(':') ? `[${inbound.host}]` : inbound.host;
  return {
    url: `smtp://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
