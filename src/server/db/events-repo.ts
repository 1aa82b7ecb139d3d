/** Reads and writes of the `events` table: the append-only history of every ticket. */
import type { Database } from 'better-sqlite3';
import type { EventRow } from './rows';

/** A new event; the id comes from SQLite's AUTOINCREMENT so it only ever grows. */
export type NewEvent = Omit<EventRow, 'id'>;

/** Prepared statements over `events`. */
export function eventsRepo(db: Database) {
  const insert = db.prepare<NewEvent>(`INSERT INTO events (ticket_id, type, status, previous_status, actor, agent_name,
    text, created_at) VALUES (@ticket_id, @type, @status, @previous_status, @actor, @agent_name, @text, @created_at)`);
  const ofTicket = db.prepare<[string, number], EventRow>('SELECT * FROM events WHERE ticket_id = ? AND id > ? ORDER BY id');
  const byId = db.prepare<[number], EventRow>('SELECT * FROM events WHERE id = ?');
  const lastOf = db.prepare<[string], { id: number | null }>('SELECT MAX(id) AS id FROM events WHERE ticket_id = ?');
  const countOf = db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM events WHERE ticket_id = ? AND actor = ?');
  // AUTOINCREMENT gives an event an id above the largest ever given, kept in sqlite_sequence: raising it there takes
  // an id no event will get. A notice is always of a ticket, which has its first event, so the row is there.
  const reserve = db.prepare<[], { seq: number }>(`UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'events' RETURNING seq`);

  return {
    /** Appends an event and returns its id. */
    insert: (event: NewEvent) => Number(insert.run(event).lastInsertRowid),
    /** A ticket's events with id > `after`, oldest first. */
    listAfter: (ticketId: string, after = 0) => ofTicket.all(ticketId, after),
    /** One event by id. */
    get: (id: number) => byId.get(id),
    /** The id of a ticket's newest event (0 when none). */
    lastId: (ticketId: string) => lastOf.get(ticketId)?.id ?? 0,
    /** How many events of `actor` a ticket has. */
    count: (ticketId: string, actor: string) => countOf.get(ticketId, actor)?.n ?? 0,
    /** An id of the events' sequence no event gets (see EventsWrites.reserveId); only inside a write transaction. */
    reserveId: () => {
      const row = reserve.get();
      if (row === undefined) throw new Error('the events have no sequence yet: a notice comes only after a ticket');
      return row.seq;
    },
  };
}
