/**
 * The reporter's rating of the help (1–5, an optional comment): asked once a specialist has answered or the
 * ticket is resolved, given once per ticket and changeable for a week after that; the operator's share of
 * ratings 4–5 over the last 30 days.
 */
import { isRatableStatus, POSITIVE_RATING_MIN, RATING_STATS_DAYS, ratingChangeableUntil } from '../../core';
import type { AgentStats, Status, Ticket } from '../../core';
import type { Reporter } from '../auth/identity';
import type { AppDeps } from '../context';
import { ApiFailure, failures } from '../errors';
import { reporterCanSee, reporterTicket } from './access';
import { MAX_LOW_RATINGS } from '../schemas';
import type { AgentStatsAnswer } from '../schemas';
import { ticketView } from './view';
import { queueNotice } from '../outbox/enqueue';

/** Stores or changes the reporter's rating of their ticket; answers the ticket with it. */
export async function rateTicket(deps: AppDeps, reporter: Reporter, id: string, body: { score: number; comment?: string | undefined }): Promise<Ticket> {
  const { view, told } = await deps.store.write(async (tx) => {
    const found = await reporterTicket(tx, reporter, id);
    const row = (await tx.tickets.getForUpdate(found.id)) ?? found;
    // Still theirs once locked: an erasure committed meanwhile gave the ticket an owner of its own.
    if (!reporterCanSee(reporter, row)) throw failures.ticketNotFound();
    const now = deps.clock();
    // A cancelled ticket has no help to rate, answered or rated before or not: the answer names that.
    if (row.status === 'cancelled') throw new ApiFailure(409, 'conflict', { ru: 'Отменённое обращение оценить нельзя.', en: 'A cancelled ticket cannot be rated.' });
    if (row.rated_at === null && !isRatableStatus(row.status as Status)) {
      throw new ApiFailure(409, 'conflict', { ru: 'Оценить обращение можно после ответа техподдержки.', en: 'A ticket can be rated once support has answered it.' });
    }
    if (row.rated_at !== null && now.getTime() > ratingChangeableUntil(new Date(row.rated_at)).getTime()) {
      throw new ApiFailure(409, 'conflict', { ru: 'Оценку можно изменить в течение 7 дней; этот срок прошёл.', en: 'A rating can be changed for 7 days; that time has passed.' });
    }
    const comment = body.comment === undefined || body.comment === '' ? null : body.comment;
    const at = now.toISOString();
    await tx.tickets.setRating(row.id, { score: body.score, comment, ratedAt: row.rated_at ?? at, updatedAt: at });
    const view = await ticketView(tx, (await tx.tickets.get(row.id)) ?? row, 'reporter', reporter);
    // The desks hear of it: a rating is no ticket event, so it comes as a notice of its own.
    const told = view.rating !== undefined && (await queueNotice(deps, tx, row.id, { type: 'ticket.rated', rating: view.rating }, at));
    return { view, told };
  });
  if (told) deps.broker.publish(view.id);
  return view;
}

/** The rating statistics of the last {@link RATING_STATS_DAYS} days, with the ratings under 4 to follow up. */
export async function agentStats(deps: AppDeps): Promise<AgentStatsAnswer> {
  const since = new Date(deps.clock().getTime() - RATING_STATS_DAYS * 24 * 60 * 60 * 1000).toISOString();
  const [{ count, positive }, low] = await Promise.all([
    deps.store.tickets.ratingCounts(since, POSITIVE_RATING_MIN),
    deps.store.tickets.lowRatings(since, POSITIVE_RATING_MIN, MAX_LOW_RATINGS),
  ]);
  const ratings: AgentStats['ratings'] = { days: RATING_STATS_DAYS, count, positive, positiveShare: count === 0 ? null : positive / count };
  return {
    ratings,
    lowRatings: low.map((row) => ({ ticketId: row.id, number: row.number, subject: row.subject, score: row.rating_score, comment: row.rating_comment, at: row.rating_updated_at })),
  };
}

