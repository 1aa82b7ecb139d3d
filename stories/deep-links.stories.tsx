/**
 * A ticket opened by its number, as a `#uchi-support=UP-2026-000123` link from an e-mail or `open({ ticket })`
 * asks: the user's own ticket opens with its timeline; a number that is not theirs says so and leads to the list.
 * A guest's ticket remembered in this browser opens with its key; any other asks for the key, the number filled in.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { GUEST_CONTACT } from './support/fixtures';
import { storyAccessKey } from './support/memory-api';
import { AppStory } from './support/AppStory';
import { OPEN_NOW } from './support/fixtures';
import { expectFocus, harnessOf, playKit, ticketArrived, typeInto } from './support/play';
import { seedIn } from './support/seed';

const meta = {
  title: 'Widget/App/Deep links',
  parameters: { widget: { bare: true, tickets: [seedIn('answered', OPEN_NOW, { id: 't-linked' })] } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const theme = (context: StoryContext) => (context.globals['theme'] === 'dark' ? 'dark' : 'light');

/** The link names the user's ticket: the panel opens on it, focus on its subject, under «Мои обращения». */
export const LinkedTicket: Story = {
  tags: ['en-dark'],
  render: (_args, context: StoryContext) => {
    const harness = harnessOf(context);
    return <AppStory harness={harness} theme={theme(context)} mode="inline" openTicket={harness.api.store.get('t-linked')?.number ?? ''} />;
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-linked');
    await expect(canvas.getByRole('button', { name: new RegExp(t('app:nav.tickets')) })).toHaveAttribute('aria-current', 'page');
  },
};

/** The number is not among the user's tickets (another account, a guest's other device): said plainly, with a way on. */
export const LinkNotFound: Story = {
  render: (_args, context: StoryContext) => <AppStory harness={harnessOf(context)} theme={theme(context)} mode="inline" openTicket="UP-2026-999999" />,
  play: async (context) => {
    const { canvas, t, text, harness } = playKit(context);
    await expect(await canvas.findByText(text('timeline:link.notFound', { number: 'UP-2026-999999' }), {}, { timeout: 5000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:link.list') }));
    const subject = harness.api.store.get('t-linked')?.subject ?? '';
    await expect(await canvas.findByRole('button', { name: new RegExp(subject) }, { timeout: 5000 })).toBeVisible();
  },
};

/** A guest's ticket sent from this browser: the link opens it, read with the key remembered here. */
const GUEST_LINKED = { ...seedIn('clarification_requested', OPEN_NOW, { id: 't-guest-linked' }), guest: GUEST_CONTACT };

/** A guest's link to a ticket remembered here: it opens with its key, no sign-in asked for. */
export const GuestRememberedTicket: Story = {
  tags: ['en-dark'],
  parameters: { widget: { bare: true, user: 'guest', tickets: [GUEST_LINKED], guestTickets: ['t-guest-linked'] } },
  render: (_args, context: StoryContext) => {
    const harness = harnessOf(context);
    return <AppStory harness={harness} theme={theme(context)} mode="inline" openTicket={harness.api.store.get('t-guest-linked')?.number ?? ''} />;
  },
  play: async (context) => {
    await ticketArrived(context, 't-guest-linked');
  },
};

/** A guest's link to a ticket not remembered here: the number-and-key form, the number filled in; the key opens it. */
export const GuestTicketNotRemembered: Story = {
  tags: ['en-dark'],
  parameters: { widget: { bare: true, user: 'guest', tickets: [GUEST_LINKED] } },
  render: (_args, context: StoryContext) => {
    const harness = harnessOf(context);
    return <AppStory harness={harness} theme={theme(context)} mode="inline" openTicket={harness.api.store.get('t-guest-linked')?.number ?? ''} />;
  },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    const number = harness.api.store.get('t-guest-linked')?.number ?? '';
    const key = await canvas.findByRole('textbox', { name: t('tickets:openByKey.key') }, { timeout: 5000 });
    await expectFocus(context.canvasElement, key);
    await expect(canvas.getByRole('textbox', { name: t('tickets:openByKey.number') })).toHaveValue(number);
    await expect(canvas.queryByText(t('timeline:link.notFoundHint'))).toBeNull();
    await typeInto(canvas, t('tickets:openByKey.key'), storyAccessKey('t-guest-linked'));
    await userEvent.click(canvas.getByRole('button', { name: t('tickets:openByKey.submit') }));
    await ticketArrived(context, 't-guest-linked');
  },
};
