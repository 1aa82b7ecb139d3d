/** The days a date field may name: a day already lived, in the user's zone or, on a server, in anyone's. */

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** The date `now` falls on where this code runs (the user's zone, in a browser), as YYYY-MM-DD. */
export function localIsoDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The latest date a server accepts as "today or before": its UTC date plus one day. A user east of the server
 * (up to UTC+14) already lives in that day, so no one is refused a date that is today where they are.
 */
export function latestAcceptedDate(now: Date): string {
  return new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
}

/** Whether a YYYY-MM-DD date comes after `latest` (another shape is not this rule's to judge). */
export function isDateAfter(date: string, latest: string): boolean {
  return ISO_DATE.test(date) && date > latest;
}
