/** Tickets that exist before a story starts: created and moved through the memory store at given instants. */
import { oneProblemVerdict, STATUSES, ticketDraftSchema } from '../../src/core';
import type { Actor, Category, Contact, HostContext, Status, TicketDraftInput } from '../../src/core';
import { draftOf } from './fixtures';
import type { StoryClock } from './clock';
import type { MemoryStore } from './memory-store';
import { reporterOf } from './memory-store';

/** One past step of a seeded ticket. */
export interface SeedStep {
  status: Status;
  actor?: Actor;
  text?: string;
  /** Minutes after the previous step (default 25). */
  minutes?: number;
  /** Files sent with the step (names; PNG images): a specialist's sample, a user's screenshot. */
  files?: string[];
}

/** A ticket to seed. */
export interface SeedTicket {
  id?: string;
  /** A category's sample draft, or a full draft. */
  draft: Category | TicketDraftInput;
  /** When it was received. */
  createdAt: string;
  history?: SeedStep[];
  /** Seeds a guest's ticket with this contact. */
  guest?: Contact;
  /** The reporter's rating, given this many hours after the last step. */
  /** Given `hoursAfter` hours after the history step `afterStep` (an index; by default after the last step). */
  rating?: { score: number; comment?: string; hoursAfter?: number; afterStep?: number };
  /** The id of an earlier seed (final by then) this ticket continues, linked as the server links a follow-up. */
  followUpOf?: string;
  /** Files the user sent with the ticket (names; PNG images). */
  files?: string[];
}

/** The specialist's question used across stories. */
export const QUESTION = 'Уточните, пожалуйста: в каком браузере открываете тест и появляется ли сообщение об ошибке? Если можно, приложите скриншот.';
/** The user's answer to it. */
export const REPLY = 'Открываю в Яндекс Браузере 24.10, сообщения нет — просто белый экран. Скриншот приложила.';
/** The specialist's answer. */
export const ANSWER = 'Мы обновили настройки теста: вопрос 7 теперь принимает ответ «Работодатель». Пройдите тест ещё раз, пожалуйста.';

/** A realistic way to reach each status from «registered». */
export const HISTORY: Record<Status, SeedStep[]> = {
  registered: [],
  processing: [{ status: 'processing', minutes: 18 }],
  clarification_requested: [{ status: 'processing', minutes: 18 }, { status: 'clarification_requested', text: QUESTION, minutes: 12 }],
  clarification_sent: [
    { status: 'processing', minutes: 18 },
    { status: 'clarification_requested', text: QUESTION, minutes: 12 },
    { status: 'clarification_sent', actor: 'reporter', text: REPLY, minutes: 40 },
  ],
  in_progress: [{ status: 'processing', minutes: 18 }, { status: 'in_progress', minutes: 30 }],
  answered: [{ status: 'processing', minutes: 18 }, { status: 'in_progress', minutes: 30 }, { status: 'answered', text: ANSWER, minutes: 95 }],
  cancelled: [{ status: 'processing', minutes: 18 }, { status: 'cancelled', actor: 'reporter', minutes: 50 }],
  resolved: [
    { status: 'processing', minutes: 18 },
    { status: 'in_progress', minutes: 30 },
    { status: 'answered', text: ANSWER, minutes: 95 },
    { status: 'resolved', minutes: 60 },
  ],
  suggestion: [{ status: 'suggestion', text: 'Спасибо! Передали предложение команде развития СДО.', minutes: 35 }],
};

/** Adds the seeds to the store in order, each at its own time; the story clock is left where it was. */
export function seedTickets(store: MemoryStore, clock: StoryClock, host: HostContext | null, seeds: readonly SeedTicket[]): void {
  const now = clock.now();
  for (const seed of seeds) {
    const input = typeof seed.draft === 'string' ? draftOf(seed.draft, seed.guest === undefined ? {} : { contact: seed.guest }) : seed.draft;
    const parsed = ticketDraftSchema.safeParse(input);
    if (!parsed.success) throw new Error(`seed ${seed.id ?? ''}: invalid draft ${JSON.stringify(parsed.error.issues)}`);
    let at = new Date(seed.createdAt);
    // A confirmed seed keeps what the check found, as the server would.
    const verdict = oneProblemVerdict(parsed.data.description, parsed.data.oneProblemConfirmed);
    const check = verdict.kind === 'record' ? { parts: verdict.parts, markers: verdict.markers } : undefined;
    const files = (seed.files ?? []).map((name) => store.addUpload(name, 'image/png', 48_213, at).id);
    const draft = files.length === 0 ? parsed.data : { ...parsed.data, attachmentIds: files };
    const ticket = store.create(draft, reporterOf(seed.guest === undefined ? host : null, seed.guest), at, seed.id, check);
    if (seed.followUpOf !== undefined) store.linkFollowUp(seed.followUpOf, ticket.id, at);
    const history = seed.history ?? [];
    const rate = () => {
      if (seed.rating === undefined) return;
      const { hoursAfter = 1, afterStep: _, ...body } = seed.rating;
      at = new Date(at.getTime() + hoursAfter * 3_600_000);
      const result = store.rate(ticket.id, body, at);
      if (typeof result === 'string') throw new Error(`seed ${ticket.id}: rating refused (${result})`);
    };
    history.forEach((step, index) => {
      at = new Date(at.getTime() + (step.minutes ?? 25) * 60_000);
      const attachmentIds = (step.files ?? []).map((name) => store.addUpload(name, 'image/png', 48_213, at).id);
      const result = store.change(ticket.id, { status: step.status, actor: step.actor ?? 'support', text: step.text, attachmentIds }, at);
      if (typeof result === 'string') throw new Error(`seed ${ticket.id}: ${step.status} refused (${result})`);
      if (seed.rating?.afterStep === index) rate();
    });
    if (seed.rating !== undefined && (seed.rating.afterStep ?? history.length) >= history.length) rate();
  }
  clock.set(now);
}

/** A seed in `status` with the usual history, received `hoursAgo` hours before `now`. */
export function seedIn(status: Status, now: string, options: { id?: string; category?: Category; hoursAgo?: number } = {}): SeedTicket {
  const category = options.category ?? (status === 'suggestion' ? 'suggestion' : 'test');
  const createdAt = new Date(new Date(now).getTime() - (options.hoursAgo ?? 4) * 3_600_000).toISOString();
  return { id: options.id ?? `t-${status}`, draft: category, createdAt, history: HISTORY[status] };
}

/** Every status, in the policy's order (for grids). */
export const ALL_STATUSES: readonly Status[] = STATUSES;
