/** Working hours and the other channels (policy: LMS and e-mail are official, the phone is for consultation). */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { ChannelsPanel, HoursBanner } from '../src/widget/support-info';
import { CLOSED_NOW, OPEN_NOW, USER_TIME_ZONE } from './support/fixtures';
import { playKit } from './support/play';

const meta = {
  title: 'Widget/Support info',
  component: HoursBanner,
  args: { timeZone: USER_TIME_ZONE },
} satisfies Meta<typeof HoursBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Tuesday 10:30 MSK: support works, a specialist reviews within 60 working minutes. */
export const HoursOpen: Story = {
  parameters: { widget: { now: OPEN_NOW } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('support:hours.open', { count: 60 }))).toBeVisible();
  },
};

/** Friday 18:30 MSK: closed; opens Monday 08:00 MSK (10:00 in Yekaterinburg). */
export const HoursClosed: Story = { tags: ['en-dark'], parameters: { widget: { now: CLOSED_NOW } } };

/** 3 November 2026, a shortened pre-holiday day, 16:30 MSK: closed until 5 November (4 November is a holiday). */
export const HoursClosedBeforeHoliday: Story = { parameters: { widget: { now: '2026-11-03T13:30:00.000Z' } } };

/** 31 December 2026: the next opening falls in 2027, which has no production calendar yet — marked approximate. */
export const HoursProvisional: Story = {
  parameters: { widget: { now: '2026-12-31T10:00:00.000Z' } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('support:hours.provisional'))).toBeVisible();
  },
};

/** The same on Moscow time: one time is enough. */
export const HoursClosedMoscowUser: Story = { args: { timeZone: 'Europe/Moscow' }, parameters: { widget: { now: CLOSED_NOW } } };

/** "Other ways to reach us" under the ticket form, as the form shows it: closed. */
export const ChannelsClosed: Story = { render: () => <ChannelsPanel /> };

/** The same, opened: its body (and the server's channels) come when it is opened. */
export const Channels: Story = {
  tags: ['en-dark'],
  render: () => <ChannelsPanel />,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByText(t('support:channels.title')));
    await expect(await canvas.findByRole('link', { name: 'support@uchi.pro' })).toHaveAttribute('href', 'mailto:support@uchi.pro');
    await expect(canvas.getByRole('link', { name: '8 (800) 100-08-62' })).toHaveAttribute('href', 'tel:88001000862');
    await expect(canvas.getByRole('link', { name: 'support@uchi.pro' })).toBeVisible();
  },
};
