/**
 * The reporter's rating of the help received (CSAT): asked once a specialist has answered or the ticket is
 * resolved, 1–5 with an optional comment, changeable for a week after it was first given.
 */
import * as z from 'zod/mini';
import { isoDateTimeSchema } from './fields';
import { isRatableStatus, MAX_RATING_COMMENT_LENGTH, POSITIVE_RATING_MIN, RATABLE_STATUSES, RATING_CHANGE_DAYS, RATING_STATS_DAYS } from './constants';

export { isRatableStatus, MAX_RATING_COMMENT_LENGTH, POSITIVE_RATING_MIN, RATABLE_STATUSES, RATING_CHANGE_DAYS, RATING_STATS_DAYS };

/** A score: 1 (did not help at all) … 5 (helped completely). */
export const ratingScoreSchema = z.int().check(z.minimum(1, 'too_small'), z.maximum(5, 'too_big'));

/** `POST /tickets/{id}/rating`. */
export const ratingBodySchema = z.lazy(() => z.object({
  score: ratingScoreSchema,
  comment: z.optional(z.string().check(z.trim(), z.maxLength(MAX_RATING_COMMENT_LENGTH, 'too_long'))),
}));
/** A rating as sent. */
export type RatingBody = z.input<typeof ratingBodySchema>;

/** A ticket's rating as the server returns it. */
export const ticketRatingSchema = z.lazy(() => z.object({
  score: ratingScoreSchema,
  comment: z.optional(z.string()),
  /** When it was first given. */
  ratedAt: isoDateTimeSchema,
  /** When it was last changed (equal to `ratedAt` until then). */
  updatedAt: isoDateTimeSchema,
  /** Until when it may be changed. */
  changeableUntil: isoDateTimeSchema,
}));
/** A ticket's rating. */
export type TicketRating = z.infer<typeof ticketRatingSchema>;

/** `GET /agent/stats`: ratings of the last days. */
export const agentStatsSchema = z.lazy(() => z.object({
  ratings: z.object({
    days: z.int(),
    count: z.int(),
    /** Ratings of 4 and 5. */
    positive: z.int(),
    /** positive / count, null when nothing was rated. */
    positiveShare: z.nullable(z.number()),
  }),
}));
/** The operator's statistics. */
export type AgentStats = z.infer<typeof agentStatsSchema>;

/** Until when a rating first given at `ratedAt` may be changed. */
export function ratingChangeableUntil(ratedAt: Date): Date {
  return new Date(ratedAt.getTime() + RATING_CHANGE_DAYS * 24 * 60 * 60 * 1000);
}
