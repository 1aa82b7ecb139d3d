/**
 * "My tickets": empty, several, one changed since last seen, more than a page (the next page loading or failing), a
 * list that failed to load, the e-mail switch (saving, failing to load or save) — and a guest's: the tickets
 * remembered in this browser, none yet, the number-and-key form with its mistakes and a wrong pair, a key that no
 * longer opens its ticket, and forgetting one.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { action } from 'storybook/actions';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ScreenFailed } from '../src/widget/app/ScreenBoundary';
import { MyTickets, TICKETS_PAGE_SIZE } from '../src/widget/my-tickets';
import { GUEST_CONTACT, OPEN_NOW } from './support/fixtures';
import { storyAccessKey } from './support/memory-api';
import { expectFocus, playKit, typeInto } from './support/play';
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

/** A guest's tickets: the ones sent from this browser, or opened here by number and key, each read with its key. */
const GUEST_TICKETS: SeedTicket[] = [
  { ...seedIn('answered', OPEN_NOW, { id: 't-g1', category: 'order', hoursAgo: 30 }), guest: GUEST_CONTACT },
  { ...seedIn('clarification_requested', OPEN_NOW, { id: 't-g2', category: 'technical', hoursAgo: 6 }), guest: GUEST_CONTACT },
  { ...seedIn('registered', OPEN_NOW, { id: 't-g3', category: 'other', hoursAgo: 1 }), guest: GUEST_CONTACT },
];

/** A guest's list: the tickets remembered in this browser with their live status; the number-and-key form folded below. */
export const GuestList: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest', tickets: GUEST_TICKETS, guestTickets: ['t-g3', 't-g2', { id: 't-g1', opened: true }] } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    const list = await canvas.findByRole('list');
    await waitFor(() => expect(within(list).getAllByRole('button', { name: new RegExp(harness.api.store.get('t-g1')?.subject ?? '') })).toHaveLength(1), { timeout: 5000 });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    // Latest change first, with its status.
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(t('common:status.registered')));
    await expect(canvas.getByText(t('tickets:guestList.note'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('tickets:openByKey.title') })).toHaveAttribute('aria-expanded', 'false');
  },
};

/** A guest with nothing remembered in this browser: what to do, and the form to open a ticket sent elsewhere. */
export const GuestEmpty: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest' } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(canvas.getByText(t('tickets:guestList.empty'))).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: t('tickets:openByKey.number') })).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: t('tickets:openByKey.key') })).toBeVisible();
  },
};

/** The form sent empty, then with a number and a key that cannot be right: each field says what is wrong. */
export const GuestFormErrors: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest' } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const number = canvas.getByRole('textbox', { name: t('tickets:openByKey.number') });
    const key = canvas.getByRole('textbox', { name: t('tickets:openByKey.key') });
    await userEvent.click(canvas.getByRole('button', { name: t('tickets:openByKey.submit') }));
    await expect(number).toHaveAccessibleDescription(expect.stringContaining(t('tickets:openByKey.numberRequired')));
    await expect(key).toHaveAccessibleDescription(expect.stringContaining(t('tickets:openByKey.keyRequired')));
    await expectFocus(context.canvasElement, number);
    await typeInto(canvas, t('tickets:openByKey.number'), '2026/123');
    await typeInto(canvas, t('tickets:openByKey.key'), 'ключ из письма');
    await userEvent.click(canvas.getByRole('button', { name: t('tickets:openByKey.submit') }));
    await expect(number).toHaveAccessibleDescription(expect.stringContaining(t('tickets:openByKey.numberFormat')));
    await expect(key).toHaveAccessibleDescription(expect.stringContaining(t('tickets:openByKey.keyFormat')));
  },
};

/** A real number with another ticket's key: one sentence for the pair, naming neither half. */
export const GuestWrongPair: Story = {
  tags: ['en-dark'],
  parameters: { widget: { user: 'guest', tickets: GUEST_TICKETS } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await typeInto(canvas, t('tickets:openByKey.number'), harness.api.store.get('t-g1')?.number ?? '');
    await typeInto(canvas, t('tickets:openByKey.key'), storyAccessKey('t-g2'));
    await userEvent.click(canvas.getByRole('button', { name: t('tickets:openByKey.submit') }));
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(t('tickets:openByKey.wrongPair'));
  },
};

/** The right pair: the ticket opens (the `open` action) and is remembered in the list from now on. */
export const GuestOpensByKey: Story = {
  parameters: { widget: { user: 'guest', tickets: GUEST_TICKETS } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    const number = harness.api.store.get('t-g2')?.number ?? '';
    await typeInto(canvas, t('tickets:openByKey.number'), number);
    await typeInto(canvas, t('tickets:openByKey.key'), storyAccessKey('t-g2'));
    await userEvent.click(canvas.getByRole('button', { name: t('tickets:openByKey.submit') }));
    const list = await canvas.findByRole('list', {}, { timeout: 5000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
  },
};

/** A remembered key that no longer opens its ticket (the server's secret changed): said so, with «Забыть». */
export const GuestKeyNoLongerWorks: Story = {
  parameters: {
    widget: { user: 'guest', tickets: GUEST_TICKETS, guestTickets: ['t-g2', { id: 't-gone', number: 'UP-2026-000042' }] },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('tickets:guestList.unavailable'), {}, { timeout: 5000 })).toBeVisible();
  },
};

/** «Забыть» asks first, then removes the number and key from this browser and says so. */
export const GuestForget: Story = {
  parameters: { widget: { user: 'guest', tickets: GUEST_TICKETS, guestTickets: ['t-g3', 't-g2'] } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    const number = harness.api.store.get('t-g3')?.number ?? '';
    await userEvent.click(await canvas.findByRole('button', { name: t('tickets:guestList.forgetLabel', { number }) }));
    const dialog = await canvas.findByRole('dialog', { name: t('tickets:guestList.forgetTitle', { number }) });
    await userEvent.click(within(dialog).getByRole('button', { name: t('tickets:guestList.forget') }));
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(1));
    await expect(canvas.getByRole('status')).toHaveTextContent(t('tickets:guestList.forgotten', { number }).replace(/\s+/g, ' '));
  },
};

/** The list could not be loaded: the reason and "Retry". */
export const LoadError: Story = {
  parameters: { widget: { tickets: SEVERAL, api: { failures: { list: 'server' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('tickets:loadError'))).toBeVisible();
  },
};

/**
 * The LMS sign-in the widget was given is out of date (the server refuses the token): what to do about it, said
 * once — not a failed load, and no second error from the e-mail switch.
 */
export const SignedOut: Story = {
  parameters: { widget: { tickets: SEVERAL, api: { failures: { list: 'signed-out', notifications: 'signed-out' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('common:failure.signedOut'));
    await expect(canvas.queryByText(t('tickets:loadError'))).toBeNull();
    await expect(canvas.queryByText(t('tickets:notify.loadError'))).toBeNull();
  },
};

/** The user's LMS profile has no e-mail: no switch promising letters, a note saying where to follow the tickets. */
export const EmailNotificationsNoAddress: Story = {
  parameters: { widget: { tickets: SEVERAL, user: 'host-without-email' } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('tickets:notify.noAddress'))).toBeVisible();
    await expect(canvas.queryByRole('switch')).toBeNull();
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

/**
 * The next page is on its way (slow): the button is busy and says so; the twenty tickets shown stay. (The
 * next page may also start on its own, when the end of the list scrolls into view.)
 */
export const LoadingMore: Story = {
  parameters: { widget: { tickets: MANY, api: { latencyMs: { nextPage: 1_000_000_000 } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const list = await canvas.findByRole('list');
    await expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE);
    const more = canvas.queryByRole('button', { name: t('tickets:more') });
    if (more !== null) await userEvent.click(more);
    const busy = await canvas.findByRole('button', { name: t('tickets:loadingMore') });
    await expect(busy).toHaveAttribute('aria-busy', 'true');
    await expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE);
  },
};

/** More than a page of tickets; the next page fails once (the server is down), then loads. */
const NEXT_PAGE_FAILS_ONCE = { widget: { tickets: MANY, api: { failures: { nextPage: { kind: 'server' as const, times: 1 } } } } };

/**
 * The next page failed (the server was down): the tickets shown stay, the reason is said under them and the
 * button becomes «Повторить» — which brings the rest.
 */
export const MoreFailed: Story = {
  tags: ['en-dark'],
  parameters: NEXT_PAGE_FAILS_ONCE,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const list = await canvas.findByRole('list');
    const more = canvas.queryByRole('button', { name: t('tickets:more') });
    if (more !== null) await userEvent.click(more);
    await expect(await canvas.findByText(t('tickets:moreError'), {}, { timeout: 5000 })).toBeVisible();
    await expect(within(list).getAllByRole('listitem')).toHaveLength(TICKETS_PAGE_SIZE);
    await expect(canvas.getByText(t('tickets:shown', { count: TICKETS_PAGE_SIZE }))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('common:retry') })).toBeEnabled();
  },
};

/** «Повторить» after a failed next page: the rest arrives and the error goes. */
export const MoreRetried: Story = {
  parameters: NEXT_PAGE_FAILS_ONCE,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const list = await canvas.findByRole('list');
    const more = canvas.queryByRole('button', { name: t('tickets:more') });
    if (more !== null) await userEvent.click(more);
    await userEvent.click(await canvas.findByRole('button', { name: t('common:retry') }, { timeout: 5000 }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(25), { timeout: 5000 });
    await expect(canvas.queryByText(t('tickets:moreError'))).toBeNull();
    await expect(canvas.getByText(t('tickets:allShown', { count: 25 }))).toBeVisible();
  },
};

/** The e-mail setting could not be read: said so under the list, with «Повторить» (the list itself is fine). */
export const EmailNotificationsLoadFailed: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: SEVERAL, api: { failures: { notifications: { kind: 'server', times: 1 } } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(t('tickets:notify.loadError'));
    await expect(canvas.queryByRole('switch', { name: t('tickets:notify.label') })).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: t('common:retry') }));
    await expect(await canvas.findByRole('switch', { name: t('tickets:notify.label') }, { timeout: 5000 })).toBeChecked();
  },
};

/** Saving the switch takes a while: it shows the new choice at once, and «Сохраняем…» is announced. */
export const EmailNotificationsSaving: Story = {
  parameters: { widget: { tickets: SEVERAL, api: { latencyMs: { saveNotifications: 1_000_000_000 } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const toggle = await canvas.findByRole('switch', { name: t('tickets:notify.label') });
    await userEvent.click(toggle);
    await expect(await canvas.findByText(t('tickets:notify.saving'))).toBeVisible();
    await expect(toggle).not.toBeChecked();
    await expect(toggle.closest('.us-notify')).toHaveAttribute('aria-busy', 'true');
  },
};
