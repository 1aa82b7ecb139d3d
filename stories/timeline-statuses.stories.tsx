/**
 * One ticket's live view in each of the 9 statuses (docs/architecture.md), with its history and "what happens next" —
 * and the next step of a closed ticket that offers no follow-up (too old, or a guest's opened by key).
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { Status } from '../src/core';
import { draftOf, GUEST_CONTACT, OPEN_NOW } from './support/fixtures';
import { TicketStory } from './support/kit';
import { playKit, ticketArrived } from './support/play';
import { seedIn } from './support/seed';

const meta = {
  title: 'Widget/Timeline/Statuses',
  component: TicketStory,
  args: { ticketId: 't-registered' },
} satisfies Meta<typeof TicketStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The ticket in `status`, reached the usual way; the badge and the next-step line say where it is. */
function inStatus(status: Status): Story {
  return {
    args: { ticketId: `t-${status}` },
    parameters: { widget: { tickets: [seedIn(status, OPEN_NOW)] } },
    play: async (context) => {
      const { canvas, t } = playKit(context);
      const badges = await canvas.findAllByText(t(`common:status.${status}`), { selector: '.us-status-badge' });
      await expect(badges[0]).toBeVisible();
      await expect(canvas.getByRole('region', { name: t('timeline:next.title') })).toBeVisible();
    },
  };
}

export const Registered = inStatus('registered');
export const Processing = inStatus('processing');
export const ClarificationRequested: Story = { ...inStatus('clarification_requested'), tags: ['en-dark'] };
export const ClarificationSent = inStatus('clarification_sent');
export const InProgress = inStatus('in_progress');
export const Answered = inStatus('answered');
export const Cancelled = inStatus('cancelled');
export const Resolved = inStatus('resolved');
export const Suggestion = inStatus('suggestion');

const SPLIT = 'story-split-group-0001';
const CONFIRMED_TWO = 'Не открывается итоговый тест по охране труда. Кроме того, в заявке № 15 неправильно указана фамилия слушателя.';

/** A ticket split from one description with another, confirmed as one problem where the check found two. */
export const CreatedTogetherAndConfirmed: Story = {
  args: { ticketId: 't-split-2' },
  parameters: {
    widget: {
      tickets: [
        { id: 't-split-1', draft: draftOf('test', { splitGroup: SPLIT }), createdAt: OPEN_NOW },
        { id: 't-split-2', draft: draftOf('test', { splitGroup: SPLIT, description: CONFIRMED_TWO, oneProblemConfirmed: true }), createdAt: OPEN_NOW },
      ],
    },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('timeline:header.checked', { count: 2 }))).toBeVisible();
    // The other ticket's number, on one line.
    await expect(canvas.getByText(/^UP-\d{4}-\d{6}$/, { selector: '.us-ticket__linked .us-nowrap' })).toBeVisible();
  },
};

/** Resolved 40 days ago, past the 30 days a follow-up is offered for: the next step says to write a new ticket. */
export const ResolvedLongAgo: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-old' },
  parameters: { widget: { tickets: [seedIn('resolved', OPEN_NOW, { id: 't-old', hoursAgo: 40 * 24 })] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-old');
    const next = canvas.getByRole('region', { name: t('timeline:next.title') });
    await expect(next).toHaveTextContent(t('timeline:next.resolved'));
    await expect(canvas.queryByRole('button', { name: t('timeline:followUp.offer') })).toBeNull();
  },
};

/**
 * A guest's ticket opened in this browser by number and key (sent from another device), cancelled yesterday: no
 * follow-up is offered for it (this browser's guest key does not own it), so the next step says to write a new one.
 */
export const CancelledOpenedByKey: Story = {
  args: { ticketId: 't-key', offersFollowUp: false },
  parameters: {
    widget: {
      user: 'guest',
      tickets: [{ ...seedIn('cancelled', OPEN_NOW, { id: 't-key', category: 'order', hoursAgo: 24 }), guest: GUEST_CONTACT }],
      guestTickets: [{ id: 't-key', opened: true }],
    },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-key');
    const next = canvas.getByRole('region', { name: t('timeline:next.title') });
    await expect(next).toHaveTextContent(t('timeline:next.cancelled'));
    await expect(canvas.queryByRole('button', { name: t('timeline:followUp.offer') })).toBeNull();
  },
};

/**
 * The host's token expired while the ticket was open: the server refuses the ticket's stream, so the view says it
 * no longer updates by itself and how to sign in again (the host hears an `error` to renew the token).
 */
export const SignInOutOfDate: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-in_progress' },
  parameters: { widget: { tickets: [seedIn('in_progress', OPEN_NOW)], api: { liveRefused: true } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-in_progress');
    await expect(await canvas.findByText(t('timeline:live.signedOut'), { selector: '.us-notice p' })).toBeVisible();
  },
};
