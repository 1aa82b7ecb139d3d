/**
 * A TCP proxy in front of the test cluster that can stop forwarding while keeping every socket open: to the
 * server behind it, a database that hangs (a stopped process) or a network path that drops every packet.
 */
import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

/** What becomes of the connections a stall caught when forwarding starts again. */
export type AfterStall =
  /** They carry on with whatever was sent meanwhile, as when a stopped database process is continued. */
  | 'carry-on'
  /** They stay silent for good while new ones work, as when a firewall on the path forgot them. */
  | 'forgotten';

/** A running proxy. */
export interface StallingProxy {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  url(databaseUrl: string): string;
  /** Connections open through the proxy now. */
  open(): number;
  /** Stops forwarding in both directions; new connections are accepted and held the same way. */
  stall(): void;
  /** Forwards again; `after` says what becomes of the connections the stall held. */
  resume(after: AfterStall): void;
  close(): Promise<void>;
}

interface Flow {
  client: Socket;
  server: Socket;
  forgotten: boolean;
}

/** Starts a proxy on 127.0.0.1 to `target` (a `postgres://` URL). */
export async function startStallingProxy(target: string): Promise<StallingProxy> {
  const { hostname, port } = new URL(target);
  const flows = new Set<Flow>();
  let stalled = false;
  const hold = (flow: Flow) => {
    flow.client.pause();
    flow.server.pause();
  };
  const proxy = createServer((client) => {
    const server = connect(Number(port), hostname);
    const flow: Flow = { client, server, forgotten: false };
    flows.add(flow);
    const pipe = (from: Socket, to: Socket) => {
      // By hand rather than pipe(): pipe() resumes a paused source when the other side drains.
      from.on('data', (chunk: Buffer) => to.write(chunk));
      from.on('end', () => to.end());
      from.on('error', () => to.destroy());
      from.on('close', () => {
        to.destroy();
        flows.delete(flow);
      });
    };
    pipe(client, server);
    pipe(server, client);
    // Paused after the data listeners are attached: attaching one would otherwise set the socket flowing again.
    if (stalled) hold(flow);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const { port: proxyPort } = proxy.address() as AddressInfo;
  return {
    url(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(proxyPort);
      return url.toString();
    },
    open: () => flows.size,
    stall() {
      stalled = true;
      for (const flow of flows) hold(flow);
    },
    resume(after) {
      stalled = false;
      for (const flow of flows) {
        if (after === 'forgotten') flow.forgotten = true;
        if (flow.forgotten) continue;
        flow.client.resume();
        flow.server.resume();
      }
    },
    async close() {
      for (const flow of flows) {
        flow.client.destroy();
        flow.server.destroy();
      }
      await new Promise((done) => proxy.close(done));
    },
  };
}
