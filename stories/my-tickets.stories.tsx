/** "My tickets": empty, several, one changed since last seen, more than a page, a guest, a list that failed to load, and the e-mail switch. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { action } from 'storybook/actions';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ScreenFailed } from '../src/widget/app/ScreenBoundary';
import { MyTickets, TICKETS_PAGE_SIZE } from '../src/widget/my-tickets';
import { OPEN_NOW } from './support/fixtures';
import { expectFocus, playKit } from './support/play';
import { seedIn } from './support/seed';
import type { SeedTicket } from './support/seed';

const meta = {
  title: 'Widget/My tickets',
  component: MyTickets,
  args: { onOpen: action('open'), onNew: action('new') },
} satisfies Meta<typeof MyTickets>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Five tickets of different categories and statuses, received over the last days. */
const SEVERAL: SeedTicket[] = [
  seedIn('resolved', OPEN_NOW, { id: 't-1', category: 'course', hoursAgo: 100 }),
  seedIn('answered', OPEN_NOW, { id: 't-2', category: 'document', hoursAgo: 50 }),
  seedIn('in_progress', OPEN_NOW, { id: 't-3', category: 'technical', hoursAgo: 26 }),
  seedIn('clarification_requested', OPEN_NOW, { id: 't-4', category: 'test', hoursAgo: 5 }),
  seedIn('registered', OPEN_NOW, { id: 't-5', category: 'order', hoursAgo: 1 }),
];

/** No tickets yet: what to do instead. */
export const Empty: Story = {
  tags: ['en-dark'],
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('tickets:empty'))).toBeVisible();
  },
};

/** Several tickets, newest change first. */
export const Several: Story = {
  parameters: { widget: { tickets: SEVERAL } },
  play: async (context) => {
    const { canvas } = playKit(context);
    const list = await canvas.findByRole('list');
    await expect(within(list).getAllByRole('listitem')).toHaveLength(5);
  },
};

/** The specialist asked a question since the user last looked: the row is marked as changed. */
export const WithChangedTicket: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: SEVERAL, unseen: ['t-4'] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const marker = await canvas.findByText(t('tickets:changed'));
    await expect(marker.closest('[data-ticket-id]')).toHaveAttribute('data-ticket-id', 't-4');
  },
};

/** Twenty-five tickets: a page of twenty, the count announced, the rest with «Показать ещё» (or on scroll). */
const MANY: SeedTicket[] = Array.from({ length: 25 }, (_, i) =>
  seedIn((['registered', 'in_progress', 'resolved'] as const)[i % 3] ?? 'registered', OPEN_NOW, { id: `t-many-${i}`, category: 'technical', hoursAgo: 2 + i * 7 }),
);

/** More tickets than one page: the next page comes on scroll, or from the button for keyboard users. */
export const MoreThanOnePage: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: MANY } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const list = await canvas.findByRole('list');
    await expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE);
    await expect(canvas.getByText(t('tickets:shown', { count: TICKETS_PAGE_SIZE }))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('tickets:more') }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(25));
    await expect(canvas.getByText(t('tickets:allShown', { count: 25 }))).toBeVisible();
  },
};

/** A guest has no list (their tickets are read back with the access key). */
export const Guest: Story = { parameters: { widget: { user: 'guest' } } };

/** The list could not be loaded: the reason and "Retry". */
export const LoadError: Story = {
  parameters: { widget: { tickets: SEVERAL, api: { failures: { list: 'server' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('tickets:loadError'))).toBeVisible();
  },
};

/** Loading (the request is slow). */
export const Loading: Story = { parameters: { widget: { api: { latencyMs: { list: 1_000_000_000 } } } } };

/** «Уведомлять по e-mail» turned off: saved and said so; turned on again the same way. */
export const EmailNotificationsOff: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: SEVERAL } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const toggle = await canvas.findByRole('switch', { name: t('tickets:notify.label') });
    await expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    await expect(await canvas.findByText(t('tickets:notify.savedOff'), {}, { timeout: 5000 })).toBeVisible();
    await expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    await expect(await canvas.findByText(t('tickets:notify.savedOn'), {}, { timeout: 5000 })).toBeVisible();
    await expect(toggle).toBeChecked();
  },
};

/** Saving the switch failed: the error says so and the switch shows what is stored (still on). */
export const EmailNotificationsSaveFailed: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: SEVERAL, api: { failures: { saveNotifications: 'server' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const toggle = await canvas.findByRole('switch', { name: t('tickets:notify.label') });
    await userEvent.click(toggle);
    await expect(await canvas.findByText(t('tickets:notify.saveError'), {}, { timeout: 5000 })).toBeVisible();
    await expect(toggle).toBeChecked();
  },
};

/** The user turned e-mails off earlier: the switch starts off. */
export const EmailNotificationsStartOff: Story = {
  parameters: { widget: { tickets: SEVERAL, api: { emailNotifications: false } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('switch', { name: t('tickets:notify.label') })).not.toBeChecked();
  },
};

/** The section's file did not load (offline, a blocked file): what failed and a retry, focused, in its place. */
export const SectionFailedToLoad: Story = {
  tags: ['en-dark'],
  render: () => <ScreenFailed onRetry={action('retry')} />,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('app:screenFailed'));
    await expectFocus(context.canvasElement, canvas.getByRole('button', { name: t('common:retry') }));
  },
};
