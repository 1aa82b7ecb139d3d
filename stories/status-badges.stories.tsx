/** Every status side by side: the 9 badges, and the ticket view in each status in one grid. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { StatusBadge } from '../src/widget/status-timeline';
import { OPEN_NOW } from './support/fixtures';
import { TicketStory } from './support/kit';
import { playKit } from './support/play';
import { ALL_STATUSES, seedIn } from './support/seed';

const meta = {
  title: 'Widget/Timeline/All statuses',
  component: StatusBadge,
  args: { status: 'registered' },
} satisfies Meta<typeof StatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The 9 badges in the policy's order. */
export const Badges: Story = {
  tags: ['en-dark'],
  render: () => (
    <ul className="story-badges">
      {ALL_STATUSES.map((status) => (
        <li key={status}>
          <StatusBadge status={status} />
        </li>
      ))}
    </ul>
  ),
  play: async (context) => {
    const { canvas, t } = playKit(context);
    for (const status of ALL_STATUSES) await expect(canvas.getByText(t(`common:status.${status}`))).toBeVisible();
  },
};

/** The ticket view in all 9 statuses at once, for comparing badges, next steps and available actions. */
export const AllTicketViews: Story = {
  tags: ['en-dark'],
  parameters: {
    widget: { tickets: ALL_STATUSES.map((status) => seedIn(status, OPEN_NOW)) },
    // A comparison sheet, not a screen: nine views repeat the same named regions ("Что дальше"), which the
    // widget never shows together. Every other rule still runs.
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
  },
  globals: { viewport: { value: 'desktop', isRotated: false } },
  render: () => (
    <ul className="story-grid">
      {ALL_STATUSES.map((status) => (
        <li key={status}>
          <TicketStory ticketId={`t-${status}`} />
        </li>
      ))}
    </ul>
  ),
  play: async (context) => {
    const { canvas, t } = playKit(context);
    for (const status of ALL_STATUSES) {
      await expect((await canvas.findAllByText(t(`common:status.${status}`), { selector: '.us-status-badge' }))[0]).toBeVisible();
    }
  },
};
