/**
 * Follow-up instead of reopening: the offer on a closed ticket (gone after 30 days), the form pre-filled from
 * the old ticket, and the links both tickets show — and the whole flow on the widget.
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AppStory } from './support/AppStory';
import { FILLED, OPEN_NOW } from './support/fixtures';
import { choose, submit } from './support/form-play';
import { harnessOf, playKit, ticketArrived, typeInto } from './support/play';
import { seedIn } from './support/seed';
import type { SeedTicket } from './support/seed';
import { FormStory, TicketStory } from './support/kit';

const meta = {
  title: 'Widget/Timeline/Follow-up',
  component: TicketStory,
  args: { ticketId: 't-resolved' },
} satisfies Meta<typeof TicketStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const DAY_HOURS = 24;
const RESOLVED = seedIn('resolved', OPEN_NOW, { id: 't-resolved', hoursAgo: 3 * DAY_HOURS });
/** A continuation of {@link RESOLVED}, sent the next day. */
const CONTINUED: SeedTicket = {
  id: 't-continued',
  draft: 'test',
  createdAt: new Date(new Date(OPEN_NOW).getTime() - DAY_HOURS * 3_600_000).toISOString(),
  followUpOf: 't-resolved',
};

/** Resolved three days ago: the timeline offers «Проблема вернулась? Создать продолжение». */
export const OfferOnResolved: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: [RESOLVED] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-resolved');
    await expect(canvas.getByRole('button', { name: t('timeline:followUp.offer') })).toBeVisible();
  },
};

/** Cancelled yesterday: a cancelled ticket can be continued too. */
export const OfferOnCancelled: Story = {
  parameters: { widget: { tickets: [seedIn('cancelled', OPEN_NOW, { id: 't-cancelled', hoursAgo: DAY_HOURS })] } },
  args: { ticketId: 't-cancelled' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-cancelled');
    await expect(canvas.getByRole('button', { name: t('timeline:followUp.offer') })).toBeVisible();
  },
};

/** Resolved 31 days ago, or still open: no offer. */
export const NoOfferAfter30Days: Story = {
  parameters: { widget: { tickets: [seedIn('resolved', OPEN_NOW, { id: 't-old', hoursAgo: 31 * DAY_HOURS })] } },
  args: { ticketId: 't-old' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-old');
    await expect(canvas.queryByRole('button', { name: t('timeline:followUp.offer') })).toBeNull();
  },
};

/** The old ticket names its continuation («Продолжение: № …») and says so in its history. */
export const OldTicketLinksContinuation: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: [RESOLVED, CONTINUED] } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-resolved');
    const number = harness.api.store.get('t-continued')?.number ?? '';
    await expect(canvas.getByRole('button', { name: t('timeline:followUp.next', { number }) })).toBeVisible();
    await expect(canvas.getByText(`Продолжение: обращение № ${number}`)).toBeVisible();
  },
};

/** The new ticket names the one it continues («Продолжает обращение № …»); it is open, so no offer. */
export const NewTicketLinksPrevious: Story = {
  parameters: { widget: { tickets: [RESOLVED, CONTINUED] } },
  args: { ticketId: 't-continued' },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-continued');
    const number = harness.api.store.get('t-resolved')?.number ?? '';
    await expect(canvas.getByRole('button', { name: t('timeline:followUp.of', { number }) })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('timeline:followUp.offer') })).toBeNull();
  },
};

/** The follow-up form, pre-filled from the resolved ticket: its category and fields, subject «Продолжение обращения № …: its subject». */
export const FormPrefilled: Story = {
  tags: ['en-dark'],
  parameters: { widget: { tickets: [RESOLVED] } },
  render: (_args, context: StoryContext) => {
    const old = harnessOf(context).api.store.get('t-resolved');
    if (old === undefined) throw new Error('seed t-resolved missing');
    return <FormStory followUp={old} />;
  },
  play: async (context) => {
    const { canvas, t, text, harness } = playKit(context);
    const old = harness.api.store.get('t-resolved');
    const form = await canvas.findByRole('form', { name: t('form:heading') });
    await expect(within(form).getByText(text('form:followUp.notice', { number: old?.number }))).toBeVisible();
    await expect(within(form).getByLabelText(new RegExp(t('form:field.subject')))).toHaveValue(t('form:followUp.subject', { number: old?.number, subject: old?.subject }));
    await expect(within(form).getByLabelText(new RegExp(t('form:field.courseTitle')))).toHaveValue(FILLED.test.prefill.courseTitle);
    await expect(within(form).getByRole('button', { name: t('form:followUp.cancel') })).toBeVisible();
  },
};

type AppContext = StoryContext & { loaded: Record<string, unknown>; canvasElement: HTMLElement };

/**
 * The whole flow on the widget: the offer opens the form pre-filled from the old ticket (category, course,
 * subject «Продолжение обращения № …»); sending creates the linked ticket; its link opens the old one, which
 * now names the continuation.
 */
export const FlowOnTheWidget: Story = {
  parameters: { widget: { bare: true, tickets: [RESOLVED] } },
  render: (_args, context: StoryContext) => <AppStory harness={harnessOf(context)} theme="light" mode="inline" />,
  play: async (context) => {
    const { canvas, t, harness } = playKit(context as AppContext);
    await userEvent.click(await canvas.findByRole('button', { name: t('app:nav.tickets') }));
    const old = harness.api.store.get('t-resolved');
    if (old === undefined) throw new Error('seed t-resolved missing');
    await userEvent.click(await canvas.findByRole('button', { name: new RegExp(old.subject) }, { timeout: 5000 }));
    await userEvent.click(await canvas.findByRole('button', { name: t('timeline:followUp.offer') }, { timeout: 5000 }));

    const form = await canvas.findByRole('form', { name: t('form:heading') });
    await expect(within(form).getByText(t('form:followUp.notice', { number: old.number }).replace(/\s+/g, ' '), { normalizer: (s) => s.replace(/\s+/g, ' ') })).toBeVisible();
    await expect(within(form).getByRole('textbox', { name: new RegExp(t('form:field.subject')) })).toHaveValue(t('form:followUp.subject', { number: old.number, subject: old.subject }));
    await expect(within(form).getByRole('textbox', { name: new RegExp(t('form:field.courseUrl')) })).toHaveValue(FILLED.test.prefill.courseUrl);
    await expect(within(form).getByRole('textbox', { name: new RegExp(t('form:field.testQuestion')) })).toHaveValue(FILLED.test.testQuestion);

    await typeInto(canvas, t('form:field.description'), 'Ответ «Работодатель» снова засчитывается как неверный после обновления теста.');
    await choose(canvas, t('common:impact.minor'));
    await submit(canvas, t);

    const previousLink = await canvas.findByRole('button', { name: t('timeline:followUp.of', { number: old.number }) }, { timeout: 5000 });
    const created = harness.api.store.all().find((ticket) => ticket.followUpOf?.id === 't-resolved');
    await expect(created).toBeDefined();
    await userEvent.click(previousLink);
    await waitFor(() => expect(canvas.getByRole('heading', { level: 2, name: old.subject })).toBeVisible());
    await expect(await canvas.findByRole('button', { name: t('timeline:followUp.next', { number: created?.number }) })).toBeVisible();
  },
};
