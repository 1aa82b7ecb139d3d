/** The specialist's routes (agent token): all tickets, one ticket, status changes, assignees. */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { agentAssigneeBodySchema, agentMessageBodySchema, agentStatusBodySchema, allowedNextStatuses } from '../../core';
import type { Status } from '../../core';
import { requireAgent } from '../auth/identity';
import type { AppDeps, AppEnv } from '../context';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';
import { agentPostMessage, agentSetStatus } from '../tickets/actions';
import type { RetryKey } from '../tickets/actions';
import { anyTicket, ticketRef } from '../tickets/access';
import { agentStats } from '../tickets/rating';
import { pageOf, readPageQuery } from '../tickets/paging';
import { assignTicket } from '../tickets/assignment';
import { agentSummaryView, agentTicketView } from '../tickets/view';
import { idempotencyKey } from './idempotency-key';
import { readQuery } from './query';
import { erasureBodySchema } from '../schemas';
import type { erasureAnswerSchema } from '../schemas';
import { failures } from '../errors';
import { erasePerson } from '../tickets/erasure';
import type { agentAssigneeChangeSchema, agentTicketChangeSchema, agentTicketListSchema, agentTicketSchema, specialistsSchema } from '../schemas';
import type * as z from 'zod/mini';

/** Routes under `/agent`. */
export function agentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use('/agent/*', async (c, next) => {
    requireAgent(c.get('identity'));
    await next();
  });
  const agent = (c: Context<AppEnv>) => requireAgent(c.get('identity'));
  // A change sent with an Idempotency-Key is made once: a retry of the same request gets the first answer. The
  // ticket is named as the request named it (its id, or its number in any case: one number however typed).
  const retryKey = (c: Context<AppEnv>, request: { route: string; id: string; body: unknown }): RetryKey | undefined => {
    const key = idempotencyKey(c, false);
    return key === undefined ? undefined : { key, request: { ...request, id: ticketRef(request.id) } };
  };

  // Summaries, one page at a time: full tickets (reporter, events) are read by id when a row is opened.
  app.get('/agent/tickets', async (c) => {
    const query = readQuery(c, (params) => readPageQuery(params, { name: agent(c).name, agents: deps.config.agents }));
    const page = pageOf(await deps.store.tickets.page(query, null), query);
    const body: z.infer<typeof agentTicketListSchema> = {
      tickets: await Promise.all(page.rows.map((row) => agentSummaryView(deps.store, row))),
      nextCursor: page.nextCursor,
    };
    return c.json(body);
  });

  // Who the caller is, and whom a ticket can be assigned to (the operator page's «Мои», «Взять себе», «Передать»).
  app.get('/agent/specialists', (c) => {
    const body: z.infer<typeof specialistsSchema> = { me: agent(c).name, specialists: deps.config.agents.map((a) => a.name) };
    return c.json(body);
  });

  app.get('/agent/stats', async (c) => c.json(await agentStats(deps)));

  app.get('/agent/tickets/:id', async (c) => {
    const row = await anyTicket(deps.store, c.req.param('id'));
    const body: z.infer<typeof agentTicketSchema> = { ...(await agentTicketView(deps.store, row, deps.config.notifications.smtpUrl !== null)), moves: allowedNextStatuses(row.status as Status, 'support') };
    return c.json(body);
  });

  app.post('/agent/tickets/:id/status', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const body = parseWith(agentStatusBodySchema, await readJsonObject(c));
    const id = c.req.param('id');
    const once = retryKey(c, { route: 'status', id, body });
    const { answer, replayed }: { answer: z.infer<typeof agentTicketChangeSchema>; replayed: boolean } = await agentSetStatus(deps, agent(c), id, body.status, body.text, body.lastEventId, body.attachmentIds, once);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(answer);
  });

  app.post('/agent/tickets/:id/messages', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const body = parseWith(agentMessageBodySchema, await readJsonObject(c));
    const id = c.req.param('id');
    const once = retryKey(c, { route: 'messages', id, body });
    const { answer, replayed }: { answer: z.infer<typeof agentTicketChangeSchema>; replayed: boolean } = await agentPostMessage(deps, agent(c), id, body.text, body.lastEventId, body.attachmentIds, once);
    if (replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(answer, 201);
  });

  app.post('/agent/erasures', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const body = parseWith(erasureBodySchema, await readJsonObject(c));
    const given = [body.userId, body.email, body.ticket].filter((value) => value !== undefined).length;
    if (given !== 1) {
      const sentence = {
        ru: 'Укажите что-то одно: userId пользователя СДО, e-mail гостя или номер обращения.',
        en: 'Give exactly one: the LMS user’s userId, a guest’s e-mail address, or a ticket’s number.',
      };
      throw failures.validation({ userId: sentence, email: sentence, ticket: sentence }, sentence);
    }
    const request = body.userId !== undefined ? { userId: body.userId } : body.email !== undefined ? { email: body.email } : { ticket: body.ticket ?? '' };
    const answer: z.infer<typeof erasureAnswerSchema> = await erasePerson(deps, request);
    return c.json(answer);
  });

  app.post('/agent/tickets/:id/assignee', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const body = parseWith(agentAssigneeBodySchema, await readJsonObject(c));
    const answer: z.infer<typeof agentAssigneeChangeSchema> = await assignTicket(deps, agent(c), c.req.param('id'), body);
    return c.json(answer);
  });

  return app;
}
