/**
 * Whose widget it is: another user signing in on the same page gets their own drafts (nothing typed for the
 * previous user stays on screen or goes under the new name), and a ticket the user has just sent is never news.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../src/core';
import { draftStorageKey } from '../../../src/widget/ticket-form/stored-draft';
import { summary } from '../my-tickets/fixtures';
import { ok } from '../status-timeline/fake-api';
import { makeTicket } from '../status-timeline/fixtures';
import { chooseCategory, fill, fillCommon, send } from '../ticket-form/actions';
import { renderRoot } from './render-root';

describe('the widget’s user', () => {
  it('shows another user their own draft, and the previous user’s again when they come back', async () => {
    const { user, env, rerender } = renderRoot();
    await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
    await chooseCategory(user, 'Другой вопрос');
    // The fields come with the attachment zone, which the panel's first use may still be loading.
    await screen.findByLabelText('Опишите проблему');
    await fill(user, 'Опишите проблему', 'Петров: личный вопрос про зарплату.');
    await waitFor(() => expect(env.textStore.getItem(draftStorageKey('u-1'))).toContain('Петров: личный вопрос'));

    // The LMS signs in someone else (setToken with their token): their form, empty, under their name.
    const other = { ...env, userKey: 'u-2', host: { ...env.host!, userId: 'u-2', fullName: 'Сидорова Мария' } };
    rerender({ env: other });
    expect(await screen.findByRole('button', { name: 'Другой вопрос' })).toBeInTheDocument();
    expect(screen.queryByDisplayValue('Петров: личный вопрос про зарплату.')).toBeNull();
    expect(env.textStore.getItem(draftStorageKey('u-2'))).toBeNull();

    // Back to the first user: their draft is there.
    rerender({ env });
    expect(await screen.findByDisplayValue('Петров: личный вопрос про зарплату.')).toBeInTheDocument();
  }, 30_000);

  it('does not count the ticket just sent as changed, even when the list answers before the ticket does', async () => {
    const sent: Ticket = makeTicket('registered', { id: 't-new', number: 'UP-2026-000777', subject: 'Не открывается урок' });
    const lastEventId = sent.events.at(-1)!.id;
    let created = false;
    let listedNew = false;
    let answerTicket: () => void = () => undefined;
    const { user, onUnseenChange } = renderRoot({
      api: {
        createTicket: async () => {
          created = true;
          return ok({ ticket: sent });
        },
        listTickets: async () => {
          listedNew = created;
          return ok(created ? [summary('t-new', { number: sent.number, subject: sent.subject, lastEventId })] : []);
        },
        // The new ticket's view waits: the list's answer comes first.
        getTicket: () => new Promise((resolve) => (answerTicket = () => resolve(ok(sent)))),
      },
    });
    await screen.findByRole('button', { name: 'Другой вопрос' }, { timeout: 15_000 });
    await waitFor(() => expect(onUnseenChange).toHaveBeenCalledWith(0, 'Техподдержка'));
    await chooseCategory(user, 'Другой вопрос');
    await fillCommon(user);
    await send(user);
    // The list has read the new ticket before its view came.
    await waitFor(() => expect(listedNew).toBe(true));
    answerTicket();
    await screen.findByRole('heading', { level: 2, name: sent.subject });
    expect(onUnseenChange.mock.calls.map(([count]) => count)).not.toContain(1);
  }, 30_000);
});
