/**
 * Socket-level limits of the Node HTTP server: headers and whole requests must arrive in time, a socket on
 * which nothing moves is closed, keep-alive is short, and open connections are capped per IP (an IPv6 one by its /64) and in total.
 */
import type { Context } from 'hono';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { addressGroup } from './guest-quota';
import type { GuardLimits } from './limits';

// Node checks header and request deadlines on this interval (30 s by default, far too coarse for a 10 s limit).
const CHECK_INTERVAL_MS = 1_000;
// How long a closing connection keeps reading what the client still sends (see guardConnections).
const LINGER_MS = 2_000;

/** Options for `http.createServer`, given to the server before it listens. */
export function serverOptions(limits: GuardLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, limits.headersTimeoutMs),
  };
}

/** How often refused connections are said on the log: the first, then at most once in this long. */
export const REFUSAL_LOG_MS = 60_000;

// The error shape of every answer, written before any request is read (so in Russian, the default).
const REFUSAL_BODY = JSON.stringify({
  error: { code: 'unavailable', message: 'Слишком много открытых соединений. Повторите попытку через несколько секунд.' },
});
const REFUSAL =
  'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\nContent-Type: application/json; charset=utf-8\r\n' +
  `Content-Length: ${Buffer.byteLength(REFUSAL_BODY)}\r\n\r\n${REFUSAL_BODY}`;

/** Applies the idle timeout and the connection caps to a listening server; `warn` is told of refused connections. */
export function guardConnections(server: Server, limits: GuardLimits, warn: (line: string) => void = () => undefined): void {
  const perIp = new Map<string, number>();
  let total = 0;
  // A cap that is hit says so (behind a proxy every user shares its address): once, then at most once a minute.
  let refused = 0;
  let loggedAt = -Infinity;
  const tell = (ip: string, overall: boolean) => {
    refused++;
    const now = Date.now();
    if (now - loggedAt < REFUSAL_LOG_MS) return;
    loggedAt = now;
    const cap = overall ? `all addresses together hold SUPPORT_MAX_CONNECTIONS (${limits.maxConnections})` : `${ip} holds SUPPORT_MAX_CONNECTIONS_PER_IP (${limits.maxConnectionsPerIp})`;
    warn(`[support] refusing connections with 503: ${cap}; ${refused} refused since the last line. Behind a proxy every user shares its address: raise the cap or limit at the proxy.`);
    refused = 0;
  };
  server.maxRequestsPerSocket = 1_000;
  server.on('connection', (socket: Socket) => {
    // An IPv6 client is counted by its /64, as the per-IP quotas count it: one host usually holds the whole
    // network, and sixteen of its addresses would otherwise hold every connection the server allows.
    const ip = addressGroup(socket.remoteAddress ?? 'unknown');
    const fromIp = perIp.get(ip) ?? 0;
    if (total >= limits.maxConnections || fromIp >= limits.maxConnectionsPerIp) {
      tell(ip, total >= limits.maxConnections);
      socket.end(REFUSAL);
      socket.destroySoon();
      return;
    }
    perIp.set(ip, fromIp + 1);
    total++;
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
    // A refusal sent before the request's body was read (413, 415, 401…) closes the connection. Destroyed
    // while the client is still sending, the socket answers its next bytes with a reset, and a reset can throw
    // the refusal away before the client has read it. So it only half-closes, and what still arrives is read
    // and dropped until the client stops or LINGER_MS have passed (Node calls destroySoon for such a close).
    socket.destroySoon = () => {
      if (socket.destroyed) return;
      socket.end();
      const timer = setTimeout(() => socket.destroy(), LINGER_MS);
      socket.once('close', () => clearTimeout(timer));
    };
    socket.once('close', () => {
      total--;
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    });
  });
}

/** Lifts the idle timeout of a socket that carries an event stream (its heartbeat is not a body). */
export function exemptFromIdleTimeout(socket: Socket | undefined): void {
  socket?.setTimeout(0);
}

/**
 * Holds the idle timeout of a socket whose request has arrived whole while the server works on it (an upload
 * waiting for its turn to be decoded sends nothing, and must not be cut for it); the returned function starts
 * it again for what the connection does next.
 */
export function holdIdleTimeout(socket: Socket | undefined, idleTimeoutMs: number): () => void {
  exemptFromIdleTimeout(socket);
  return () => {
    if (socket !== undefined && !socket.destroyed) socket.setTimeout(idleTimeoutMs);
  };
}

/** The socket of a request served by the Node adapter (undefined under `app.request` in tests). */
export function socketOf(c: Context): Socket | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return (env as { incoming?: { socket?: Socket } }).incoming?.socket;
}
