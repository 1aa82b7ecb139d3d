/**
 * A stand-in for an LMS: a tiny HTTP server on another origin than the Support API, serving the pages a test
 * registers (with the headers it asks for: a CSP, a slow blocking script…). The browser reaches it as
 * `http://lms.localhost:<port>` — a secure context and another site than the API's `127.0.0.1`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One page or script the host serves. */
export interface HostResource {
  body: string;
  /** `text/html; charset=utf-8` unless given. */
  contentType?: string;
  headers?: Record<string, string>;
  /** Answer only after this long: a slow script keeps the parser waiting. */
  delayMs?: number;
  /** Answer only once this settles: a script held back keeps the parser waiting for as long as a test needs. */
  until?: Promise<unknown>;
}

/** A running host. */
export interface HostServer {
  origin: string;
  /** Serves `resource` at `path` (starting with `/`); returns its absolute URL. */
  serve(path: string, resource: HostResource): string;
  close(): Promise<void>;
}

/** Starts a host on a free port. */
export async function startHostServer(): Promise<HostServer> {
  const resources = new Map<string, HostResource>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://host').pathname;
    const resource = resources.get(path);
    if (resource === undefined && path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (resource === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const send = () =>
      response
        .writeHead(200, { 'content-type': resource.contentType ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...resource.headers })
        .end(resource.body);
    const later = () => (resource.delayMs === undefined ? send() : setTimeout(send, resource.delayMs));
    if (resource.until === undefined) later();
    else void resource.until.then(later, later);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://lms.localhost:${port}`;
  return {
    origin,
    serve(path, resource) {
      resources.set(path, resource);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
