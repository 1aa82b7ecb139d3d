/** The mailbox an e-mail address reaches, however it is written: what receipts, unsubscribes and erasures go by. */

/** The address of a From such as «Техподдержка <support@uchi.example>», or the value itself. */
export function addressOfFrom(from: string): string {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(from);
  return (bracketed?.[1] ?? from).trim();
}

/** The domains whose mailboxes are one (Gmail's two names). */
const GMAIL = ['gmail.com', 'googlemail.com'];

/**
 * The mailbox an address reaches: lower case, without a `+tag` (most mail services deliver «name+anything@» to
 * «name@»), and for Gmail without dots, so tags and dots do not make a stranger's mailbox new.
 */
export function mailbox(address: string): string {
  const written = address.trim().toLowerCase();
  const at = written.lastIndexOf('@');
  const [local, domain] = [written.slice(0, at), written.slice(at + 1)];
  const bare = local.split('+')[0] ?? local;
  return GMAIL.includes(domain) ? `${bare.replaceAll('.', '')}@gmail.com` : `${bare}@${domain}`;
}

/**
 * `LIKE` patterns (escaped with `\\`) that match every address of the mailbox `address` reaches, and others of its
 * domain: a query narrows by them, then keeps the rows whose {@link mailbox} is the same.
 */
export function mailboxDomainPatterns(address: string): string[] {
  const domain = mailbox(address).split('@').at(-1) ?? '';
  return (domain === 'gmail.com' ? GMAIL : [domain]).map((name) => `%@${name.replace(/[\\%_]/gu, (char) => `\\${char}`)}`);
}

/**
 * The rows of `rows` (tickets found by {@link mailboxDomainPatterns}) whose reporter gave an address of the mailbox
 * `address` reaches.
 */
export function rowsOfMailbox<T extends { reporter_json: string }>(rows: readonly T[], address: string): T[] {
  const wanted = mailbox(address);
  return rows.filter((row) => mailbox((JSON.parse(row.reporter_json) as { email?: string }).email ?? '') === wanted);
}
