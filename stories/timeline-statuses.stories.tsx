/** One ticket's live view in each of the 9 statuses (docs/architecture.md), with its history and "what happens next". */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import type { Status } from '../src/core';
import { OPEN_NOW } from './support/fixtures';
import { TicketStory } from './support/kit';
import { playKit } from './support/play';
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
