/** Fixed tickets for the timeline tests: times are chosen so Moscow (UTC+3) and the test zone (UTC+5) differ. */
import { STATUSES, ticketSchema } from '../../../src/core';
import type { Actor, Attachment, Status, Ticket, TicketEvent } from '../../../src/core';

/** Friday 27 Nov 2026, 08:00 MSK (10:00 in Yekaterinburg): the ticket is received. */
export const CREATED_AT = '2026-11-27T05:00:00.000Z';
/** 09:00 MSK the same day: 60 working minutes later. */
export const REVIEW_DUE_AT = '2026-11-27T06:00:00.000Z';
/** Tuesday 1 Dec 2026, 08:00 MSK: two working days later. */
export const RESOLVE_DUE_AT = '2026-12-01T05:00:00.000Z';
/** "Now" in these tests: 08:05 MSK on the day of creation. */
export const NOW = new Date('2026-11-27T05:05:00.000Z');

/** One event of ticket `t1`, `minutes` after creation. */
export function makeEvent(
  id: number,
  status: Status,
  previousStatus: Status | null,
  actor: Actor,
  extra: { text?: string; attachments?: Attachment[]; minutes?: number } = {},
): TicketEvent {
  return {
    id,
    ticketId: 't1',
    type: previousStatus === status ? 'message' : 'status',
    status,
    previousStatus,
    actor,
    ...(extra.text === undefined ? {} : { text: extra.text }),
    attachments: extra.attachments ?? [],
    createdAt: new Date(Date.parse(CREATED_AT) + (extra.minutes ?? id * 10) * 60_000).toISOString(),
  };
}

/** A history that ends in each status, by the transitions the state machine allows. */
export const HISTORY: Record<Status, TicketEvent[]> = {
  registered: [makeEvent(1, 'registered', null, 'system')],
  processing: [makeEvent(1, 'registered', null, 'system'), makeEvent(2, 'processing', 'registered', 'support')],
  clarification_requested: [
    makeEvent(1, 'registered', null, 'system'),
    makeEvent(2, 'clarification_requested', 'registered', 'support', { text: 'Пришлите скриншот ошибки\nи версию браузера.' }),
  ],
  clarification_sent: [
    makeEvent(1, 'registered', null, 'system'),
    makeEvent(2, 'clarification_requested', 'registered', 'support', { text: 'Какой браузер?' }),
    makeEvent(3, 'clarification_sent', 'clarification_requested', 'reporter', { text: 'Chrome 131' }),
  ],
  in_progress: [makeEvent(1, 'registered', null, 'system'), makeEvent(2, 'in_progress', 'registered', 'support')],
  answered: [
    makeEvent(1, 'registered', null, 'system'),
    makeEvent(2, 'answered', 'registered', 'support', { text: 'Очистите кэш.\nЗатем откройте урок снова.' }),
  ],
  cancelled: [makeEvent(1, 'registered', null, 'system'), makeEvent(2, 'cancelled', 'registered', 'reporter')],
  resolved: [makeEvent(1, 'registered', null, 'system'), makeEvent(2, 'resolved', 'registered', 'support')],
  suggestion: [makeEvent(1, 'registered', null, 'system'), makeEvent(2, 'suggestion', 'registered', 'support')],
};

/** A valid ticket (checked against the wire schema) in `status`, with that status's history. */
export function makeTicket(status: Status = 'registered', overrides: Partial<Ticket> = {}): Ticket {
  const events = overrides.events ?? HISTORY[status];
  const last = events[events.length - 1];
  const ticket = {
    category: 'technical',
    subject: 'Не открывается урок',
    description: 'Белый экран при открытии урока.',
    steps: '1. Открыть курс\n2. Нажать «Начать»',
    impact: 'blocks_me',
    attachmentIds: [],
    browser: {
      userAgent: 'Mozilla/5.0',
      browser: { name: 'Chrome', version: '131' },
      os: { name: 'Windows', version: '10' },
      mobile: false,
      language: 'ru-RU',
      languages: ['ru-RU'],
      timeZone: 'Asia/Yekaterinburg',
      viewport: { width: 1280, height: 800 },
      screen: { width: 1920, height: 1080 },
      pixelRatio: 1,
    },
    id: 't1',
    number: 'UP-2026-000123',
    status,
    priority: 'normal',
    createdAt: CREATED_AT,
    updatedAt: last?.createdAt ?? CREATED_AT,
    reviewDueAt: REVIEW_DUE_AT,
    resolveDueAt: RESOLVE_DUE_AT,
    deadlinesProvisional: false,
    reporter: {
      fullName: 'Иванова Мария Петровна',
      role: 'teacher',
      organization: 'ООО «Учебный центр»',
      lmsUrl: 'https://lms.example.ru',
      guest: false,
    },
    attachments: [],
    events,
    ...overrides,
  };
  return ticketSchema.parse(ticket);
}

/** Every status, for table-driven tests. */
export { STATUSES };
