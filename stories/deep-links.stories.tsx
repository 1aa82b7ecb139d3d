/**
 * A ticket opened by its number, as a `#uchi-support=UP-2026-000123` link from an e-mail or `open({ ticket })`
 * asks: the user's own ticket opens with its timeline; a number that is not theirs says so and leads to the list.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent } from 'storybook/test';
import { AppStory } from './support/AppStory';
import { OPEN_NOW } from './support/fixtures';
import { harnessOf, playKit, ticketArrived } from './support/play';
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
    const { canvas, t, harness } = playKit(context);
    await expect(await canvas.findByText(t('timeline:link.notFound', { number: 'UP-2026-999999' }), {}, { timeout: 5000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:link.list') }));
    const subject = harness.api.store.get('t-linked')?.subject ?? '';
    await expect(await canvas.findByRole('button', { name: new RegExp(subject) }, { timeout: 5000 })).toBeVisible();
  },
};
