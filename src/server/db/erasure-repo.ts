/** Erasing a person's data on SQLite (see ErasureWrites in storage/types.ts). */
import type { Database } from 'better-sqlite3';
import type { ErasedPerson } from '../storage/types';
import { mailboxDomainPatterns, rowsOfMailbox } from '../mailbox';
import type { TicketRow } from './rows';

/** Prepared statements of an erasure; run inside the storage's write transaction. */
export function erasureRepo(db: Database) {
  const byOwner = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE owner = ? ORDER BY seq');
  const byGuestDomain = db.prepare<[string], TicketRow>(
    `SELECT * FROM tickets WHERE owner LIKE 'guest:%' AND lower(json_extract(reporter_json, '$.email')) LIKE ? ESCAPE '\\' ORDER BY seq`,
  );
  // Narrowed to the address's domain by the query, then to its mailbox (a +tag, Gmail's dots: mailbox.ts).
  const byGuestMailbox = (address: string): TicketRow[] =>
    rowsOfMailbox(
      mailboxDomainPatterns(address).flatMap((pattern) => byGuestDomain.all(pattern)),
      address,
    ).sort((a, b) => a.seq - b.seq);
  const byId = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const rewrite = db.prepare<Pick<TicketRow, 'id' | 'owner' | 'subject' | 'draft_json' | 'reporter_json'>>(`UPDATE tickets
    SET owner = @owner, access_key_hash = NULL, subject = @subject, draft_json = @draft_json, reporter_json = @reporter_json,
      rating_comment = NULL
    WHERE id = @id`);
  const texts = db.prepare<[string, string]>(`UPDATE events SET text = ? WHERE ticket_id = ? AND actor = 'reporter' AND text IS NOT NULL`);
  const sentFiles = db.prepare<[string], { storage_name: string }>(
    `DELETE FROM attachments WHERE ticket_id = ? AND owner NOT LIKE 'support:%' RETURNING storage_name`,
  );
  const unsentFiles = db.prepare<[string], { storage_name: string }>('DELETE FROM attachments WHERE owner = ? AND ticket_id IS NULL RETURNING storage_name');
  const deliveries = db.prepare<[string]>('DELETE FROM outbox WHERE ticket_id = ?');
  const answers = db.prepare<[string]>('DELETE FROM idempotency_keys WHERE ticket_id = ?');
  const prefs = db.prepare<[string]>('DELETE FROM notification_prefs WHERE owner = ?');
  return {
    tickets: (person: ErasedPerson) =>
      'owner' in person ? byOwner.all(person.owner) : 'guestEmail' in person ? byGuestMailbox(person.guestEmail) : byId.all(person.ticketId),
    ticket: (id: string, values: Pick<TicketRow, 'owner' | 'subject' | 'draft_json' | 'reporter_json'>) => void rewrite.run({ id, ...values }),
    reporterTexts: (ticketId: string, text: string) => void texts.run(text, ticketId),
    attachments: (ticketIds: readonly string[], uploaders: readonly string[]) =>
      [...ticketIds.flatMap((id) => sentFiles.all(id)), ...uploaders.flatMap((owner) => unsentFiles.all(owner))].map((row) => row.storage_name),
    records: (ticketIds: readonly string[], subscribers: readonly string[]) => {
      for (const id of ticketIds) {
        deliveries.run(id);
        answers.run(id);
      }
      for (const owner of subscribers) prefs.run(owner);
    },
  };
}
