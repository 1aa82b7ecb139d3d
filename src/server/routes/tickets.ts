/** The reporter's ticket routes: create (idempotent), list, read. */
import { Hono } from 'hono';
import { followUpFieldSchema, isHttpUrl, latestAcceptedDate, newTicketDraftSchema } from '../../core';
import { requireReporter } from '../auth/identity';
import type { AppDeps, AppEnv } from '../context';
import { failures } from '../errors';
import type { Sentence } from '../errors';
import { remoteAddress } from '../guard/guest-quota';
import { jsonSizeLimit, parseWith, readJsonObject } from '../http/json-body';
import type { TicketListResponse } from '../schemas';
import { reporterTicket } from '../tickets/access';
import { createTicket } from '../tickets/create';
import { pageOf, readPageQuery } from '../tickets/paging';
import { summaryView, ticketView } from '../tickets/view';
import { idempotencyKey } from './idempotency-key';
import { readQuery } from './query';
import { preferredLocale } from '../locale';

/**
 * The 422 `fields` of a parsed draft's page addresses that are not http(s) (`javascript:`, `data:`): the widget
 * sends only web pages (browser-info.ts), and support and webhooks receive the address as a link. Checked here
 * rather than in the shared schema, where the check would weigh on the widget's first open.
 */
function nonWebPages(draft: { pageUrl?: string | undefined; browser: { pageUrl?: string | undefined } }): Record<string, Sentence> {
  const fields: Record<string, Sentence> = {};
  const pages = [['pageUrl', draft.pageUrl], ['browser.pageUrl', draft.browser.pageUrl]] as const;
  for (const [path, value] of pages) {
    if (value !== undefined && !isHttpUrl(value)) fields[path] = { ru: 'Адрес страницы должен начинаться с http:// или https://', en: 'The page address must start with http:// or https://' };
  }
  return fields;
}

/** Routes under `/tickets`. */
export function ticketRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/tickets', jsonSizeLimit(deps.config.maxJsonBytes), async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const key = idempotencyKey(c, true) ?? '';
    const { contact, consent, followUpOf, ...rest } = await readJsonObject(c);
    // A signed-in user's identity comes from the token only, so their `contact` is ignored (even a broken one),
    // and so is `consent`: the LMS's own agreement covers their data.
    // A guest has no token: the policy's "full data" must come from the form, so a missing contact is parsed
    // as an empty one, a missing consent as a refused one (152-ФЗ), and every missing field is reported in the
    // same 422 as the rest of the draft.
    // A date after the server's own day plus one (a user east of it lives in it already) has not happened yet.
    const draft = parseWith(newTicketDraftSchema(latestAcceptedDate(deps.clock())), reporter.kind === 'guest' ? { ...rest, contact: contact ?? {}, consent: consent ?? false } : rest);
    const wrong = nonWebPages(draft);
    if (Object.keys(wrong).length > 0) throw failures.validation(wrong);
    // The ticket it continues (optional) is not part of the draft: it is checked against the stored tickets.
    const followUp = parseWith(followUpFieldSchema, { followUpOf });
    const ip = remoteAddress(c);
    const guest = reporter.kind === 'guest';
    // A key already answered is a retry of a send counted once (its answer lost, say): it gets its answer, or its
    // 409, however many sends the hour has had since. createTicket decides which under the key's lock.
    const retry = (await deps.store.idempotency.get(reporter.owner, key)) !== undefined;
    if (!retry) await deps.guards.sends.count(guest ? { guest, ip } : { guest, owner: reporter.owner });
    const quota = guest && !retry ? await deps.guards.guestQuota.reserve(ip, { tickets: 1 }) : null;
    let result: Awaited<ReturnType<typeof createTicket>>;
    try {
      result = await createTicket(deps, reporter, draft, key, followUp.followUpOf, preferredLocale(c.req.header('accept-language')));
    } catch (error) {
      await quota?.release();
      throw error;
    }
    // A replay created nothing: it costs nothing.
    await (result.replayed ? quota?.release() : quota?.settle());
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  });

  app.get('/tickets', async (c) => {
    const reporter = requireReporter(c.get('identity'));
    const query = readQuery(c, (params) => readPageQuery(params, null));
    const page = pageOf(await deps.store.tickets.page(query, { owner: reporter.owner, keyHash: reporter.keyHash ?? '' }), query);
    const body: TicketListResponse = { tickets: await Promise.all(page.rows.map((row) => summaryView(deps.store, row))), nextCursor: page.nextCursor };
    return c.json(body);
  });

  app.get('/tickets/:id', async (c) => {
    const reporter = requireReporter(c.get('identity'));
    return c.json(await ticketView(deps.store, await reporterTicket(deps.store, reporter, c.req.param('id')), 'reporter', reporter));
  });

  return app;
}
