/** Bodies of the smaller requests and the shapes of `GET /meta` and errors (docs/http-contract.md). */
import * as z from 'zod/mini';
import { attachmentIdSchema, attachmentLimitsSchema } from './attachment';
import { isoDateTimeSchema, requiredText } from './fields';
import { statusSchema } from './ticket';
import { API_ERROR_CODES, MAX_MESSAGE_LENGTH } from './constants';

export { API_ERROR_CODES, MAX_MESSAGE_LENGTH };
export type { ApiErrorCode } from './constants';

/** The files sent with a message or a status change: uploaded ids, at most ten, none by default. */
const eventFilesSchema = () => z._default(z.array(attachmentIdSchema).check(z.maxLength(10, 'too_many')), []);

/**
 * The ticket's `lastEventId` as the specialist saw it: when the ticket has changed since (a colleague answered,
 * the user wrote), the change is refused with 409 `conflict` rather than made over what they did not see.
 */
const seenEventIdSchema = () => z.optional(z.int().check(z.nonnegative()));

/** The reporter's message: a reply to a clarification request, or an addition to an open ticket. */
export const messageBodySchema = z.lazy(() => z.object({
  text: requiredText(MAX_MESSAGE_LENGTH),
  attachmentIds: eventFilesSchema(),
}));
/** A reporter's message. */
export type MessageBody = z.input<typeof messageBodySchema>;

/**
 * A specialist's message to the user (`POST /agent/tickets/{id}/messages`): a word that changes no status («исправление
 * займёт два дня», a second answer), with `lastEventId` as in a status change.
 */
export const agentMessageBodySchema = z.lazy(() => z.object({
  text: requiredText(MAX_MESSAGE_LENGTH),
  /** Files the specialist uploaded (`POST /attachments` with the agent token) for the user to open. */
  attachmentIds: eventFilesSchema(),
  lastEventId: seenEventIdSchema(),
}));
/** A specialist's message. */
export type AgentMessageBody = z.input<typeof agentMessageBodySchema>;

/** A specialist's status change, with the question or answer where the status needs one. */
export const agentStatusBodySchema = z.lazy(() => z.object({
  status: statusSchema,
  text: z.optional(z.string().check(z.trim(), z.maxLength(MAX_MESSAGE_LENGTH, 'too_long'))),
  /** Files the specialist uploaded (`POST /attachments` with the agent token) for the user to open with the answer. */
  attachmentIds: eventFilesSchema(),
  lastEventId: seenEventIdSchema(),
}));
/** A specialist's status change. */
export type AgentStatusBody = z.input<typeof agentStatusBodySchema>;

/** The longest name of a specialist (SUPPORT_AGENTS). */
export const MAX_AGENT_NAME_LENGTH = 100;

const agentNameSchema = z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(MAX_AGENT_NAME_LENGTH, 'too_long'));

/**
 * Who handles a ticket (`POST /agent/tickets/{id}/assignee`): `agent` a specialist's name, `"me"` for the caller, or
 * null to release it. `from`, the assignee the specialist saw (null: nobody): when the ticket has another by then,
 * nothing changes (409). Without it only a ticket nobody has, or the caller's own, changes hands.
 */
export const agentAssigneeBodySchema = z.lazy(() => z.object({
  agent: z.nullable(agentNameSchema),
  from: z.optional(z.nullable(agentNameSchema)),
}));
/** A change of a ticket's assignee. */
export type AgentAssigneeBody = z.input<typeof agentAssigneeBodySchema>;

/** Support channels, as the policy lists them. */
export const channelsSchema = z.lazy(() => z.object({
  email: z.string(),
  phone: z.string(),
  phoneDisplay: z.string(),
}));

/** `GET /meta`: the server's clock, whether support is open, channels and attachment limits. */
export const metaSchema = z.lazy(() => z.object({
  serverTime: isoDateTimeSchema,
  open: z.boolean(),
  nextOpening: isoDateTimeSchema,
  provisional: z.boolean(),
  timeZone: z.string(),
  channels: channelsSchema,
  limits: attachmentLimitsSchema,
  version: z.string(),
}));
/** Server meta. */
export type Meta = z.infer<typeof metaSchema>;

/**
 * The error answer `{ error: { code, message, fields? } }` with `codes` as its codes: the contract's own
 * ({@link apiErrorSchema}), or a server's wider list (the agent routes' codes).
 */
export function errorAnswerSchema<const Codes extends readonly [string, ...string[]]>(codes: Codes) {
  return z.object({
    error: z.object({
      code: z.enum(codes),
      message: z.string(),
      fields: z.optional(z.record(z.string(), z.string())),
      /** With `several_problems`: the problems found in the description and the markers of each split. */
      parts: z.optional(z.array(z.string())),
      markers: z.optional(z.array(z.string())),
      /** Dev mode, with `unauthorized`: which check the reporter token failed (`audience`, `expired`, …) and why. */
      reason: z.optional(z.string()),
      detail: z.optional(z.string()),
    }),
  });
}

/** Every error answer: `{ error: { code, message, fields? } }`. */
export const apiErrorSchema = z.lazy(() => errorAnswerSchema(API_ERROR_CODES));
/** An error answer. */
export type ApiError = z.infer<typeof apiErrorSchema>;

/** `GET/PUT /me/notifications`: whether the reporter gets e-mails about a specialist's question, answer or resolution. */
export const notificationPrefsSchema = z.lazy(() => z.strictObject({ email: z.boolean() }));
/** A reporter's notification preferences. */
export type NotificationPrefs = z.infer<typeof notificationPrefsSchema>;
