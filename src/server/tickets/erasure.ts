/**
 * Erasing a person's personal data on request (152-ФЗ: a person who withdraws their consent, or asks for their data
 * to be destroyed). Their tickets stay as support's record — numbers, categories, statuses, deadlines, who handled
 * them, support's own messages and files, a rating's score — and lose everything of the person: their name, phone,
 * e-mail and organisation, what they wrote (the subject, the description, the steps, their messages, a rating's
 * comment), the page and its errors, their files, the e-mails and webhooks about the tickets, and the key that
 * opened them. The tickets get an owner of their own (`erased:…`), so nobody reads them as a reporter any more;
 * tickets split from one description, or continued by a follow-up, stay linked to each other.
 */
import type { LinkedTicket, Reporter, TicketDraft } from '../../core';
import type { AppDeps } from '../context';
import { userOwner } from '../auth/identity';
import { addressOwner } from '../outbox/unsubscribe';
import type { ErasedPerson } from '../storage/types';
import { randomId } from './ids';

/** What replaces a text the person wrote. */
export const ERASED_TEXT = '—';

/** What an erasure did: the tickets it emptied (none when there was nothing left of the person) and the files removed. */
export interface Erasure {
  tickets: LinkedTicket[];
  files: number;
}

/**
 * Erases the person: a signed-in user by `sub` (every ticket of theirs, and their unsent uploads and e-mail switch),
 * or anyone by e-mail address (every ticket whose reporter gave it, a guest's unsent uploads, the address's «no» to
 * e-mails). One transaction: all of it or nothing; the files go from disk once it has committed.
 */
export async function erasePerson(deps: AppDeps, person: { userId: string } | { email: string }): Promise<Erasure> {
  const who: ErasedPerson = 'userId' in person ? { owner: userOwner(person.userId) } : { email: person.email.trim() };
  const { tickets, names } = await deps.store.write(async (tx) => {
    const found = await tx.erasure.tickets(who);
    const owner = `erased:${randomId()}`;
    const addresses = new Set<string>('email' in who ? [addressOwner(who.email)] : []);
    for (const row of found) {
      const reporter = JSON.parse(row.reporter_json) as Reporter;
      if (reporter.email !== undefined && reporter.email !== '') addresses.add(addressOwner(reporter.email));
      await tx.erasure.ticket(row.id, {
        owner,
        subject: ERASED_TEXT,
        draft_json: JSON.stringify(erasedDraft(JSON.parse(row.draft_json) as TicketDraft)),
        reporter_json: JSON.stringify(erasedReporter(reporter)),
      });
      await tx.erasure.reporterTexts(row.id, ERASED_TEXT);
    }
    const ids = found.map((row) => row.id);
    // Unsent uploads: a signed-in user's, and those of the guests whose tickets gave the address (a guest is their
    // browser's key). A user found only by the address keeps theirs: the address is not who they are.
    const uploaders = 'owner' in who ? [who.owner] : [...new Set(found.filter((row) => row.owner.startsWith('guest:')).map((row) => row.owner))];
    const names = await tx.erasure.attachments(ids, uploaders);
    await tx.erasure.records(ids, ['owner' in who ? who.owner : [], ...addresses].flat());
    return { tickets: found.map((row) => ({ id: row.id, number: row.number })), names };
  });
  for (const name of names) await deps.files.discard(name);
  return { tickets, files: names.length };
}

/** The reporter as kept: their role and whether they were a guest, and the LMS; nothing that names them. */
function erasedReporter(reporter: Reporter): Reporter {
  return { fullName: ERASED_TEXT, role: reporter.role, organization: ERASED_TEXT, lmsUrl: reporter.lmsUrl, guest: reporter.guest };
}

/**
 * The draft as kept: what the problem was about (the category, the course and the test's question, the order, how
 * much it hurt, the browser) without what the person wrote or where they were: the subject, the description and the
 * steps are emptied; the page, its errors and a guest's contact go; a document's link keeps only its site (a
 * document such as a certificate is the person's own).
 */
function erasedDraft(draft: TicketDraft): TicketDraft {
  const { pageUrl: _page, pageErrors: _errors, contact: _contact, ...kept } = draft;
  const { pageUrl: _browserPage, ...browser } = draft.browser;
  const erased: TicketDraft = { ...kept, subject: ERASED_TEXT, description: ERASED_TEXT, browser };
  if ('steps' in erased && typeof erased.steps === 'string') erased.steps = ERASED_TEXT;
  if ('documentUrl' in erased && typeof erased.documentUrl === 'string' && URL.canParse(erased.documentUrl)) erased.documentUrl = `${new URL(erased.documentUrl).origin}/`;
  return erased;
}
