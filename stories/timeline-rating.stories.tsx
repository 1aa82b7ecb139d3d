/** "Помогли ли вам?": the rating asked after an answer, given, changed, closed for changes, kept after a cancel, and a failed send. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { OPEN_NOW } from './support/fixtures';
import { TicketStory } from './support/kit';
import { expectFocus, playKit, ticketArrived } from './support/play';
import { HISTORY, seedIn } from './support/seed';

const meta = {
  title: 'Widget/Timeline/Rating',
  component: TicketStory,
  args: { ticketId: 't-answered' },
} satisfies Meta<typeof TicketStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The specialist answered: the ticket asks for a rating from 1 to 5 with an optional comment. */
export const Asked: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: [seedIn('answered', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-answered');
    const form = await canvas.findByRole('form', { name: t('timeline:rating.title') });
    await expect(within(form).getAllByRole('radio')).toHaveLength(5);
  },
};

/** Sending without a score says what is missing and puts focus on the scale. */
export const ScoreMissing: Story = {
  parameters: { widget: { tickets: [seedIn('answered', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-answered');
    const form = await canvas.findByRole('form', { name: t('timeline:rating.title') });
    await userEvent.click(within(form).getByRole('button', { name: t('timeline:rating.submit') }));
    await expect(within(form).getByRole('alert')).toHaveTextContent(t('timeline:rating.pickScore'));
    await expectFocus(context.canvasElement, within(form).getAllByRole('radio')[0] ?? null);
  },
};

/** The user rates 5 with a comment: thanks, and the rating stays on the ticket. */
export const Given: Story = {
  parameters: { widget: { tickets: [seedIn('resolved', OPEN_NOW, { id: 't-resolved' })] } },
  args: { ticketId: 't-resolved' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-resolved');
    const form = await canvas.findByRole('form', { name: t('timeline:rating.title') });
    await userEvent.click(within(form).getAllByRole('radio')[4] as HTMLElement);
    await userEvent.type(within(form).getByRole('textbox'), 'Быстро и понятно, спасибо!');
    await userEvent.click(within(form).getByRole('button', { name: t('timeline:rating.submit') }));
    await expect(await canvas.findByText(t('timeline:rating.thanks'))).toBeVisible();
    await expect(canvas.getByText(t('timeline:rating.given', { score: 5 }))).toBeVisible();
  },
};

/** Rated yesterday: the rating is shown with a button to change it within the week. */
export const Changeable: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: [{ ...seedIn('resolved', OPEN_NOW, { id: 't-rated', hoursAgo: 30 }), rating: { score: 3, comment: 'Помогли, но ответ пришёл только на следующий день.' } }] } },
  args: { ticketId: 't-rated' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('timeline:rating.given', { score: 3 }))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:rating.change') }));
    const form = await canvas.findByRole('form', { name: t('timeline:rating.title') });
    await expect(within(form).getAllByRole('radio')[2]).toBeChecked();
  },
};

/** Rated more than a week ago: shown, no longer changeable. */
export const ChangeClosed: Story = {
  parameters: {
    widget: { tickets: [{ ...seedIn('resolved', OPEN_NOW, { id: 't-rated-old', hoursAgo: 24 * 10 }), rating: { score: 4, hoursAfter: 2 } }] },
  },
  args: { ticketId: 't-rated-old' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('timeline:rating.given', { score: 4 }))).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('timeline:rating.change') })).toBeNull();
  },
};

/**
 * Answered and rated, then reopened and cancelled by its reporter within the week: the rating stays as it was
 * given, with nothing left to change.
 */
export const CancelledAfterRating: Story = {
  parameters: {
    widget: {
      tickets: [{
        ...seedIn('answered', OPEN_NOW, { id: 't-rated-cancelled', hoursAgo: 30 }),
        history: [...HISTORY.answered, { status: 'in_progress', minutes: 120 }, { status: 'cancelled', actor: 'reporter', minutes: 40 }],
        rating: { score: 2, hoursAfter: 1, afterStep: HISTORY.answered.length - 1 },
      }],
    },
  },
  args: { ticketId: 't-rated-cancelled' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('timeline:rating.given', { score: 2 }))).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('timeline:rating.change') })).toBeNull();
  },
};

/** The rating could not be sent: the choice stays and the reason is announced. */
export const SendFailed: Story = {
  parameters: { widget: { tickets: [seedIn('answered', OPEN_NOW)], api: { failures: { rate: 'network' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-answered');
    const form = await canvas.findByRole('form', { name: t('timeline:rating.title') });
    const four = within(form).getAllByRole('radio')[3] as HTMLElement;
    await userEvent.click(four);
    await userEvent.click(within(form).getByRole('button', { name: t('timeline:rating.submit') }));
    await expect(await within(form).findByRole('alert')).toBeVisible();
    await expect(four).toBeChecked();
  },
};
