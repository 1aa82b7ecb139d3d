/** The specialist's routes (agent token): all tickets, one ticket, status changes. */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { agentStatusBodySchema, allowedNextStatuses } from '../../core';
import type { Status } from '../../core';
import { requireAgent } from '../auth/identity';
import type { AppDeps, AppEnv } from '../context';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';
import { agentSetStatus } from '../tickets/actions';
import { anyTicket } from '../tickets/access';
import { agentStats } from '../tickets/rating';
import { pageOf, readPageQuery } from '../tickets/paging';
import { summaryView, ticketView } from '../tickets/view';
import { oneProblemRecord } from '../tickets/one-problem';
import type { TicketRow } from '../db/rows';
import { singleQuery } from './query';
import type { agentTicketListSchema, agentTicketSchema } from '../schemas';
import type * as z from 'zod/mini';

/** Routes under `/agent`. */
export function agentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('/agent/*', async (c, next) => {
    requireAgent(c.get('identity'));
    await next();
  });
  const agent = (c: Context<AppEnv>) => requireAgent(c.get('identity'));

  // Summaries, one page at a time: full tickets (reporter, events) are read by id when a row is opened.
  app.get('/agent/tickets', async (c) => {
    const query = readPageQuery(singleQuery(c), true);
    const page = pageOf(await deps.store.tickets.page(query, null), query);
    const line = async (row: TicketRow) => {
      const check = oneProblemRecord(row);
      return {
        ...(await summaryView(deps.store, row)),
        ...(check !== undefined && check.parts > 1 ? { oneProblemCheck: check } : {}),
        resolveDueAt: row.resolve_due_at,
        deadlinesProvisional: row.deadlines_provisional === 1,
      };
    };
    const body: z.infer<typeof agentTicketListSchema> = { tickets: await Promise.all(page.rows.map(line)), nextCursor: page.nextCursor };
    return c.json(body);
  });

  app.get('/agent/stats', async (c) => c.json(await agentStats(deps)));

  app.get('/agent/tickets/:id', async (c) => {
    const row = await anyTicket(deps.store, c.req.param('id'));
    const body: z.infer<typeof agentTicketSchema> = { ...(await ticketView(deps.store, row, 'support')), moves: allowedNextStatuses(row.status as Status, 'support') };
    return c.json(body);
  });

  app.post('/agent/tickets/:id/status', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const body = parseWith(agentStatusBodySchema, await readJsonObject(c));
    return c.json(await agentSetStatus(deps, agent(c), c.req.param('id'), body.status, body.text, body.lastEventId));
  });

  return app;
}
