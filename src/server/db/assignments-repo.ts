/** Reads and writes of the `assignments` table: who took, handed over or released each ticket, and when. */
import type { Database } from 'better-sqlite3';
import type { AssignmentRow } from './rows';

/** A new assignment record; its id only ever grows. */
export type NewAssignment = Omit<AssignmentRow, 'id'>;

/** Prepared statements over `assignments`. */
export function assignmentsRepo(db: Database) {
  const insert = db.prepare<NewAssignment>(`INSERT INTO assignments (ticket_id, assignee, previous, by_agent, cause, created_at)
    VALUES (@ticket_id, @assignee, @previous, @by_agent, @cause, @created_at)`);
  const ofTicket = db.prepare<[string], AssignmentRow>('SELECT * FROM assignments WHERE ticket_id = ? ORDER BY id');

  return {
    /** Records a change and returns its id. */
    insert: (row: NewAssignment) => Number(insert.run(row).lastInsertRowid),
    /** A ticket's changes of assignee, oldest first. */
    listOf: (ticketId: string) => ofTicket.all(ticketId),
  };
}
