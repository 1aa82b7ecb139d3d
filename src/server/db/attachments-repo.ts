/** Reads and writes of the `attachments` table: uploads, and their claim by a ticket or a message. */
import type { Database } from 'better-sqlite3';
import type { AttachmentRow } from './rows';

/** A freshly uploaded, not yet claimed attachment. */
export type NewAttachment = Omit<AttachmentRow, 'ticket_id' | 'event_id' | 'position'>;

/** Prepared statements over `attachments`. */
export function attachmentsRepo(db: Database) {
  const insert = db.prepare<NewAttachment>(`INSERT INTO attachments (id, owner, name, content_type, size, width, height,
    storage_name, created_at) VALUES (@id, @owner, @name, @content_type, @size, @width, @height, @storage_name, @created_at)`);
  const byId = db.prepare<[string], AttachmentRow>('SELECT * FROM attachments WHERE id = ?');
  const pending = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM attachments WHERE owner = ? AND ticket_id IS NULL AND created_at >= ?',
  );
  const removeUnclaimed = db.prepare<[string, string]>('DELETE FROM attachments WHERE id = ? AND owner = ? AND ticket_id IS NULL');
  const staleNames = db.prepare<[string], { storage_name: string }>(
    'SELECT storage_name FROM attachments WHERE ticket_id IS NULL AND created_at < ?',
  );
  const removeStale = db.prepare<[string]>('DELETE FROM attachments WHERE ticket_id IS NULL AND created_at < ?');
  const allNames = db.prepare<[], { storage_name: string }>('SELECT storage_name FROM attachments');
  const ofTicket = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM attachments WHERE ticket_id = ?');
  const claim = db.prepare<[string, number | null, number, string, string]>(
    'UPDATE attachments SET ticket_id = ?, event_id = ?, position = ? WHERE id = ? AND owner = ? AND ticket_id IS NULL',
  );
  const ofCreate = db.prepare<[string], AttachmentRow>(
    'SELECT * FROM attachments WHERE ticket_id = ? AND event_id IS NULL ORDER BY position',
  );
  const ofEvents = db.prepare<[string], AttachmentRow>(
    'SELECT * FROM attachments WHERE ticket_id = ? AND event_id IS NOT NULL ORDER BY event_id, position',
  );
  const ofEvent = db.prepare<[number], AttachmentRow>('SELECT * FROM attachments WHERE event_id = ? ORDER BY position');

  return {
    /** Records an upload. */
    insert: (row: NewAttachment) => void insert.run(row),
    /** One attachment by id. */
    get: (id: string) => byId.get(id),
    /** How many uploads of `owner` since `since` (ISO) no ticket has claimed yet; older ones are abandoned drafts. */
    countPending: (owner: string, since: string) => pending.get(owner, since)?.n ?? 0,
    /** Deletes an unclaimed upload of `owner`; false when there was none (someone else's, or already claimed). */
    removeUnclaimed: (id: string, owner: string) => removeUnclaimed.run(id, owner).changes === 1,
    /** Deletes unclaimed uploads created before `before` (ISO); returns their storage names (call in a transaction). */
    removeUnclaimedBefore: (before: string) => {
      const names = staleNames.all(before).map((row) => row.storage_name);
      removeStale.run(before);
      return names;
    },
    /** Every storage name a row holds. */
    storageNames: () => allNames.all().map((row) => row.storage_name),
    /** How many attachments a ticket has (create and messages). */
    countForTicket: (ticketId: string) => ofTicket.get(ticketId)?.n ?? 0,
    /** Claims an unclaimed upload of `owner` for a ticket (event null = the create); false when it was not claimable. */
    claim: (id: string, owner: string, ticketId: string, eventId: number | null, position: number) =>
      claim.run(ticketId, eventId, position, id, owner).changes === 1,
    /** The attachments sent with the ticket itself. */
    listOfCreate: (ticketId: string) => ofCreate.all(ticketId),
    /** The attachments sent with the ticket's messages, by event. */
    listOfEvents: (ticketId: string) => ofEvents.all(ticketId),
    /** The attachments of one event. */
    listOfEvent: (eventId: number) => ofEvent.all(eventId),
  };
}
