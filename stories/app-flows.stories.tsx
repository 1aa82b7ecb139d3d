/**
 * The main flows as interaction tests on the whole widget: fill and send (ends on the confirmation with a number),
 * split a multi-problem description (ends with N tickets), answer a clarification (ends in clarification_sent).
 */
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AppStory } from './support/AppStory';
import { storyAccessKey } from './support/memory-api';
import { GUEST_CONTACT, OPEN_NOW } from './support/fixtures';
import { choose, chooseCategory, submit } from './support/form-play';
import { expectFocus, harnessOf, playKit, ticketArrived, typeInto } from './support/play';
import { QUESTION, REPLY, seedIn } from './support/seed';

const meta = {
  title: 'Widget/App/Flows',
  parameters: { widget: { bare: true } },
  render: (_args, context: StoryContext) => <AppStory harness={harnessOf(context)} theme={context.globals['theme'] === 'dark' ? 'dark' : 'light'} mode="inline" />,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;
type Context = Parameters<NonNullable<Story['play']>>[0];

const TWO_PROBLEMS = 'Не открывается итоговый тест по охране труда. Также не приходит письмо для восстановления пароля.';

/** Waits for the lazily loaded form, then fills the common part of an "other" ticket. */
async function fillOther(context: Context, subject: string, description: string): Promise<void> {
  const { canvas, t } = playKit(context);
  await canvas.findByRole('heading', { name: t('form:heading') }, { timeout: 5000 });
  await chooseCategory(canvas, t('common:category.other'));
  await typeInto(canvas, t('form:field.subject'), subject);
  await typeInto(canvas, t('form:field.description'), description);
  await choose(canvas, t('common:impact.blocks_me'));
}

/** Fill and send: the ticket screen opens on the confirmation — number, priority, deadlines. */
export const FillAndSend: Story = {
  tags: ['en-dark'],
  play: async (context) => {
    const { canvas, t, text } = playKit(context);
    await fillOther(context, 'Как добавить второго администратора?', 'Подскажите, как дать права администратора коллеге.');
    await submit(canvas, t);
    const notice = await canvas.findByRole('group', { name: text('timeline:confirm.title') }, { timeout: 5000 });
    await expect(notice).toHaveTextContent(text('timeline:confirm.number', { number: 'UP-2026-000120' }));
    await expectFocus(context.canvasElement, notice);
  },
};

/** A guest sends: contact fields typed, consent to the processing of personal data given, and the access key shown once. */
export const GuestFillAndSend: Story = {
  parameters: { widget: { bare: true, user: 'guest' } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await canvas.findByRole('heading', { name: t('form:heading') }, { timeout: 5000 });
    await chooseCategory(canvas, t('common:category.other'));
    await typeInto(canvas, t('form:field.contact.organization'), GUEST_CONTACT.organization);
    await typeInto(canvas, t('form:field.contact.lmsUrl'), GUEST_CONTACT.lmsUrl);
    await typeInto(canvas, t('form:field.contact.fullName'), GUEST_CONTACT.fullName);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: t('form:field.contact.role') }), GUEST_CONTACT.role);
    await typeInto(canvas, t('form:field.contact.phone'), '8 900 123-45-67');
    await typeInto(canvas, t('form:field.subject'), 'Не могу войти в СДО');
    await typeInto(canvas, t('form:field.description'), 'Пароль не подходит, письмо для восстановления не приходит.');
    await choose(canvas, t('common:impact.blocks_me'));
    await userEvent.click(canvas.getByRole('checkbox', { name: t('form:consent.label') }));
    await submit(canvas, t);
    await expect(await canvas.findByText(storyAccessKey('t-001'), {}, { timeout: 5000 })).toBeVisible();
    await expect(harness.api.store.get('t-001')?.consentAt).toBeDefined();
  },
};

/** Split: two problems become two drafts, sent as two tickets; "My tickets" opens with both. */
export const SplitIntoTwo: Story = {
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await fillOther(context, 'Тест и письмо', TWO_PROBLEMS);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    await userEvent.click(await canvas.findByRole('button', { name: t('form:split.send', { count: 2 }) }));
    await expect(await canvas.findByText(t('app:splitSent', { count: 2 }), {}, { timeout: 5000 })).toBeVisible();
    const list = await canvas.findByRole('list', {}, { timeout: 5000 });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
  },
};

/** The split view in the panel: in place of the form, its heading the second level under the widget's title. */
export const SplitView: Story = {
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await fillOther(context, 'Тест и письмо', TWO_PROBLEMS);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:oneProblem.split', { count: 2 }) }));
    const heading = await canvas.findByRole('heading', { level: 2, name: t('form:split.heading', { count: 2 }) }, { timeout: 5000 });
    await expectFocus(context.canvasElement, heading);
    await expect(canvas.getAllByRole('heading', { level: 3 })).toHaveLength(2);
  },
};

/** A question arrived: "My tickets" shows the change, the ticket opens, the answer moves it to clarification_sent. */
export const AnswerClarification: Story = {
  parameters: { widget: { bare: true, tickets: [seedIn('resolved', OPEN_NOW, { id: 't-old', category: 'course', hoursAgo: 60 }), seedIn('clarification_requested', OPEN_NOW, { id: 't-q' })], unseen: ['t-q'] } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: new RegExp(t('app:nav.tickets')) }, { timeout: 5000 }));
    const row = (await canvas.findByText(t('tickets:changed'), {}, { timeout: 5000 })).closest('button');
    if (row === null) throw new Error('changed row not found');
    await userEvent.click(row);
    await ticketArrived(context, 't-q');
    await expect(canvas.getByText(QUESTION, { selector: 'blockquote' })).toBeVisible();
    await typeInto(canvas, t('timeline:reply.label'), REPLY);
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.submit') }));
    await expect(await canvas.findByText(t('timeline:reply.sent', { status: t('common:status.clarification_sent') }))).toBeVisible();
    await expect(harness.api.store.get('t-q')?.status).toBe('clarification_sent');
  },
};

/** Live after sending: the specialist takes the new ticket, then asks a question — without a reload. */
export const SentThenQuestion: Story = {
  parameters: {
    widget: {
      bare: true,
      api: { specialist: { onCreate: [{ afterMs: 700, status: 'processing', minutes: 12 }, { afterMs: 900, status: 'clarification_requested', text: QUESTION, minutes: 9 }] } },
    },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await fillOther(context, 'Не открывается тест', 'Итоговый тест не открывается: белый экран.');
    await submit(canvas, t);
    await expect(await canvas.findByRole('heading', { name: t('timeline:reply.title') }, { timeout: 6000 })).toBeVisible();
    await expect(canvas.getByText(QUESTION, { selector: 'blockquote' })).toBeVisible();
  },
};
