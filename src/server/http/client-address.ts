/**
 * The client's address for the per-IP limits: the socket's, or, for a request that comes from a reverse proxy named
 * in SUPPORT_TRUSTED_PROXIES, the address the proxy appended to X-Forwarded-For. Only the proxy's own entry is
 * believed: what a client sends in the header itself is to the left of it, and is never read.
 */
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context';

/** An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) as the IPv4 address it is. */
function plain(address: string): string {
  return /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/iu.exec(address)?.[1] ?? address;
}

/** The proxies as a block list (addresses and CIDR ranges, checked by config.ts), or null for none. */
export function trustedProxyList(items: readonly string[]): BlockList | null {
  if (items.length === 0) return null;
  const list = new BlockList();
  for (const item of items) {
    const [address = '', bits] = item.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address of a request from `socketAddress`: behind trusted proxies, the nearest X-Forwarded-For entry
 * that is not one of them (each proxy appends the address it got the request from), else the socket's.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | undefined, proxies: BlockList | null): string {
  const socket = plain(socketAddress);
  if (proxies === null || !trusted(proxies, socket)) return socket;
  const hops = (forwardedFor ?? '').split(',').map((hop) => plain(hop.trim())).filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    // A proxy writes addresses; anything else there is not to be counted by, so the proxy's own address is.
    if (isIP(hop) === 0) return socket;
    if (!trusted(proxies, hop)) return hop;
  }
  return socket;
}

/** Sets `clientAddress` for the request (not set outside Node's HTTP server, e.g. `app.request` in tests). */
export function clientAddressMiddleware(proxies: readonly string[]) {
  const list = trustedProxyList(proxies);
  return createMiddleware<AppEnv>(async (c, next) => {
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      socket = undefined;
    }
    if (socket !== undefined) c.set('clientAddress', clientAddress(socket, c.req.header('x-forwarded-for'), list));
    await next();
  });
}
