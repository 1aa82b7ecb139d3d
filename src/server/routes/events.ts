/** `GET /tickets/{id}/events`: the live, resumable event stream of one ticket (the reporter's or, for the agent, any). */
import { Hono } from 'hono';
import { requireReporter } from '../auth/identity';
import type { AppDeps, AppEnv } from '../context';
import { failures } from '../errors';
import { streamTicketEvents } from '../events/sse';
import { anyTicket, reporterCanSee, reporterTicket } from '../tickets/access';
import { singleQuery } from './query';
import { TOKEN_CLOCK_TOLERANCE_SECONDS } from '../auth/tokens';

/** `Last-Event-ID` (header, or `?lastEventId=` for clients that cannot set headers); 0 when absent. */
function lastEventId(header: string | undefined, query: string | undefined): number {
  const raw = (header ?? query ?? '').trim();
  if (raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) throw failures.badRequest({ ru: 'Last-Event-ID должен быть неотрицательным целым числом.', en: 'Last-Event-ID must be a non-negative integer.' });
  return Number(raw);
}

/** The event stream route. */
export function eventRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/tickets/:id/events', async (c) => {
    const identity = c.get('identity');
    const id = c.req.param('id');
    const reporter = identity.kind === 'agent' ? null : requireReporter(identity);
    const ticket = reporter === null ? await anyTicket(deps.store, id) : await reporterTicket(deps.store, reporter, id);
    const after = lastEventId(c.req.header('last-event-id'), singleQuery(c)('lastEventId'));
    // The stream lasts as long as its token is accepted: to its exp and the clock leeway after it (a stream opened
    // within the leeway is not closed the moment it opens).
    const expiresAt = reporter?.kind === 'user' ? new Date((reporter.claims.exp + TOKEN_CLOCK_TOLERANCE_SECONDS) * 1000) : null;
    // A reporter's stream reads on only while the ticket is still theirs: an erasure gives it an owner of its own.
    const stillReadable = reporter === null ? null : async () => {
      const row = await deps.store.tickets.get(ticket.id);
      return row !== undefined && reporterCanSee(reporter, row);
    };
    return streamTicketEvents(c, deps, ticket.id, after, { owner: reporter?.owner ?? null, expiresAt, audience: reporter === null ? 'support' : 'reporter', stillReadable });
  });
}
