import { fromMoscow, moscowParts } from '../../../src/core/calendar';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Parses 'YYYY-MM-DD HH:mm' as Moscow wall-clock time, so tables read like the policy. */
export function msk(text: string): Date {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?$/.exec(text);
  if (!match) throw new Error(`bad test time ${text}`);
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  return new Date(fromMoscow(y, mo, d, h, mi).getTime() + (Number.isNaN(s) ? 0 : s * 1000));
}

/** Formats an instant as 'YYYY-MM-DD HH:mm' Moscow time (seconds must be zero). */
export function fmt(at: Date): string {
  const p = moscowParts(at);
  if (at.getTime() % 60_000 !== 0) throw new Error(`unexpected seconds in ${at.toISOString()}`);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
