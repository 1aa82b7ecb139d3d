/** The specialist's routes (agent token): all tickets, one ticket, status changes. */
import { Hono } from 'hono';
import { agentStatusBodySchema, statusSchema } from '../../core';
import { requireAgent } from '../auth/identity';
import type { AppDeps, AppEnv } from '../context';
import { failures } from '../errors';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';
import { agentSetStatus } from '../tickets/actions';
import { anyTicket } from '../tickets/access';
import { ticketView } from '../tickets/view';
import type { agentTicketListSchema } from '../schemas';
import type * as z from 'zod/mini';

/** Routes under `/agent`. */
export function agentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('/agent/*', async (c, next) => {
    requireAgent(c.get('identity'));
    await next();
  });

  // Full tickets (with reporter and events): the operator page shows them without a request per row.
  app.get('/agent/tickets', (c) => {
    const raw = c.req.query('status');
    let status: string | undefined;
    if (raw !== undefined && raw !== '') {
      const parsed = statusSchema.safeParse(raw);
      if (!parsed.success) throw failures.badRequest('Неизвестный статус в параметре status.');
      status = parsed.data;
    }
    const body: z.infer<typeof agentTicketListSchema> = {
      tickets: deps.store.tickets.listAll(status).map((row) => ticketView(deps.store, row)),
    };
    return c.json(body);
  });

  app.get('/agent/tickets/:id', (c) => c.json(ticketView(deps.store, anyTicket(deps.store, c.req.param('id')))));

  app.post('/agent/tickets/:id/status', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const body = parseWith(agentStatusBodySchema, await readJsonObject(c));
    return c.json(agentSetStatus(deps, c.req.param('id'), body.status, body.text));
  });

  return app;
}
