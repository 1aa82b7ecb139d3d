/** The reporter's actions on a ticket: a message (or a reply to a clarification request) and cancel. */
import { Hono } from 'hono';
import { messageBodySchema, ratingBodySchema } from '../../core';
import { requireReporter } from '../auth/identity';
import type { AppDeps, AppEnv } from '../context';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';
import { cancelTicket, postMessage } from '../tickets/actions';
import { rateTicket } from '../tickets/rating';

/** Routes `POST /tickets/{id}/messages`, `POST /tickets/{id}/cancel` and `POST /tickets/{id}/rating`. */
export function ticketActionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/tickets/:id/messages', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const body = parseWith(messageBodySchema, await readJsonObject(c));
    return c.json(await postMessage(deps, reporter, c.req.param('id'), body.text, body.attachmentIds), 201);
  });

  // Cancel takes no body: whatever is sent is ignored, so a bare POST from any client works.
  app.post('/tickets/:id/cancel', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const reporter = requireReporter(c.get('identity'));
    return c.json(await cancelTicket(deps, reporter, c.req.param('id')));
  });

  app.post('/tickets/:id/rating', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const body = parseWith(ratingBodySchema, await readJsonObject(c));
    return c.json(await rateTicket(deps, reporter, c.req.param('id'), body));
  });

  return app;
}
