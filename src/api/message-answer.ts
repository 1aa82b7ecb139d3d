/** The schema of the answer to a message, parsed by the HTTP client. */
import * as z from 'zod/mini';
import { ticketChangeSchema, ticketSchema } from '../core';

/**
 * The answer to a message: the change (the ticket's new summary and the one event the message added), or the
 * whole ticket from a backend that still answers with it.
 */
export const messageAnswerSchema = z.union([ticketChangeSchema, ticketSchema]);
