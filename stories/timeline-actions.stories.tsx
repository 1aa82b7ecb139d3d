/** What happens on a ticket: the confirmation after sending, live changes, answering a question, cancelling. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { zonedTimes } from '../src/widget/shared/ui/zoned-time';
import { pngFile } from './support/files';
import { CLOSED_NOW, GUEST_CONTACT, OPEN_NOW, USER_TIME_ZONE } from './support/fixtures';
import { TicketStory } from './support/kit';
import { storyAccessKey } from './support/memory-api';
import { expectFocus, playKit, ticketArrived, typeInto } from './support/play';
import { HISTORY, QUESTION, REPLY, seedIn } from './support/seed';

const meta = {
  title: 'Widget/Timeline/Actions',
  component: TicketStory,
  args: { ticketId: 't-registered' },
} satisfies Meta<typeof TicketStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What the user sent, unfolded: the description and the files, each a button that saves the file under its name. */
export const SentDescriptionAndFiles: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-files' },
  parameters: { widget: { tickets: [{ id: 't-files', draft: 'technical', createdAt: OPEN_NOW, files: ['ошибка-при-входе.png', 'журнал.png'] }] } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-files');
    await userEvent.click(canvas.getByText(t('timeline:sent.titleWithFiles')));
    await expect(await canvas.findByText(harness.api.store.get('t-files')?.description ?? '')).toBeVisible();
    const files = canvas.getByRole('list', { name: t('timeline:timeline.attachments') });
    await expect(files).toContainElement(canvas.getByRole('button', { name: t('timeline:timeline.download', { name: 'журнал.png' }) }));
  },
};

/** Right after sending: number, priority, review deadline (60 working minutes) and resolution target. */
export const Confirmation: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-new', justCreated: true },
  parameters: { widget: { tickets: [{ id: 't-new', draft: 'technical', createdAt: OPEN_NOW }] } },
  play: async (context) => {
    const { canvas, text, harness } = playKit(context);
    const number = harness.api.store.get('t-new')?.number ?? '';
    const notice = await canvas.findByRole('group', { name: text('timeline:confirm.title') });
    await expect(notice).toHaveTextContent(text('timeline:confirm.number', { number }));
    await expectFocus(context.canvasElement, notice);
  },
};

/** A guest gets the access key once, with advice to keep it and a button that copies it (the result said aloud). */
export const ConfirmationGuest: Story = {
  args: { ticketId: 't-guest', justCreated: true, ticketAccessKey: storyAccessKey('t-guest') },
  parameters: { widget: { user: 'guest', tickets: [{ id: 't-guest', draft: 'order', createdAt: OPEN_NOW, guest: GUEST_CONTACT }] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(storyAccessKey('t-guest'))).toBeVisible();
    await expect(canvas.getByText(t('timeline:confirm.accessKeyAdvice'))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:confirm.copyKey') }));
    // A page the browser lets write to the clipboard says «Скопировано»; another selects the key and says what to press.
    await waitFor(() => expect([t('timeline:confirm.copied'), t('timeline:confirm.copyFailed')]).toContain(canvas.getByText(/.+/, { selector: '.us-confirmation__copied' }).textContent));
  },
};

/** Sent on 30 December 2027, a year without a production calendar: deadlines are marked approximate. */
export const ProvisionalDeadlines: Story = {
  args: { ticketId: 't-2027', justCreated: true },
  parameters: { widget: { now: '2027-12-30T07:00:00.000Z', tickets: [{ id: 't-2027', draft: 'course', createdAt: '2027-12-30T07:00:00.000Z' }] } },
};

/** Live: the specialist takes the ticket, then asks a question — the badge, history and reply box follow, announced. */
export const LiveSpecialist: Story = {
  args: { ticketId: 't-live' },
  parameters: {
    widget: {
      tickets: [{ id: 't-live', draft: 'test', createdAt: OPEN_NOW }],
      api: { specialist: { byTicket: { 't-live': [{ afterMs: 600, status: 'processing' }, { afterMs: 900, status: 'clarification_requested', text: QUESTION }] } } },
    },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const status = (code: string) => canvas.findAllByText(t(`common:status.${code}`), { selector: '.us-status-badge' }, { timeout: 4000 });
    await expect((await status('processing'))[0]).toBeVisible();
    await expect((await status('clarification_requested'))[0]).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: t('timeline:reply.title') })).toBeVisible();
  },
};

/** Answering the specialist's question: the ticket moves to "clarification sent". */
export const ClarificationReply: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-clarification_requested' },
  parameters: { widget: { tickets: [seedIn('clarification_requested', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-clarification_requested');
    await typeInto(canvas, t('timeline:reply.label'), REPLY);
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.submit') }));
    const sent = t('timeline:reply.sent', { status: t('common:status.clarification_sent') });
    await expect(await canvas.findByText(sent)).toBeVisible();
    await waitFor(() => expect(canvas.getAllByText(t('common:status.clarification_sent'), { selector: '.us-status-badge' })[0]).toBeVisible());
  },
};

/** A question with a sample attached: the file is beside the question the user answers, not only in the history. */
export const ClarificationWithSample: Story = {
  args: { ticketId: 't-sample' },
  parameters: {
    widget: {
      tickets: [
        {
          ...seedIn('clarification_requested', OPEN_NOW, { id: 't-sample' }),
          history: [
            { status: 'processing', minutes: 18 },
            { status: 'clarification_requested', text: 'Пришлите, пожалуйста, снимок экрана теста, как на образце во вложении.', minutes: 12, files: ['Образец снимка.png'] },
          ],
        },
      ],
    },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-sample');
    const form = await canvas.findByRole('form', { name: t('timeline:reply.title') });
    const files = within(form).getByRole('list', { name: t('timeline:timeline.attachments') });
    await expect(files).toHaveTextContent('Образец снимка.png');
  },
};

/** Before support's word: «Дополнить обращение» opens a box for what the user forgot (a detail, a screenshot); sent, it closes again. */
export const AddToTicket: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-registered' },
  parameters: { widget: { tickets: [seedIn('registered', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-registered');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.add') }));
    await expect(canvas.getByText(t('timeline:reply.addHint'))).toBeVisible();
    await expectFocus(context.canvasElement, await canvas.findByRole('textbox', { name: t('timeline:reply.messageLabel') }));
    await typeInto(canvas, t('timeline:reply.messageLabel'), 'Забыла: ошибка и в приложении на телефоне.');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.messageSubmit') }));
    await expect(await canvas.findByText(t('timeline:reply.messageSent'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('timeline:reply.add') })).toBeVisible();
  },
};

/** After an answer: writing to the specialist (it did not help), not only rating; the status stays, and «Что дальше» says the specialist will answer, with the deadline. */
export const MessageAfterAnswer: Story = {
  args: { ticketId: 't-answered' },
  parameters: { widget: { tickets: [seedIn('answered', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-answered');
    await typeInto(canvas, t('timeline:reply.messageLabel'), 'Кэш очистила, урок всё равно не открывается.');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.messageSubmit') }));
    await expect(await canvas.findByText(t('timeline:reply.messageSent'))).toBeVisible();
    // «Что дальше» now says it is support's turn again, and until when.
    const next = canvas.getByRole('region', { name: t('timeline:next.title') });
    await waitFor(() => expect(next).toHaveTextContent(t('timeline:next.userWroteLate').replace(/\.$/, '')));
    await expect(next).toHaveTextContent(/(Срок решения: до|Resolution target:) \S/);
  },
};

/** The user wrote after an answer once the resolution target had passed: «Что дальше» says the specialist will answer, and names no date that is already over. */
export const MessageAfterAnswerPastTarget: Story = {
  args: { ticketId: 't-late' },
  parameters: {
    widget: {
      tickets: [
        {
          ...seedIn('answered', OPEN_NOW, { id: 't-late', hoursAgo: 24 * 14 }),
          history: [...HISTORY.answered, { status: 'answered', actor: 'reporter', text: 'Кэш очистила, урок всё равно не открывается.', minutes: 60 }],
        },
      ],
    },
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-late');
    const next = canvas.getByRole('region', { name: t('timeline:next.title') });
    await expect(next).toHaveTextContent(t('timeline:next.userWroteLate'));
    await expect(next).not.toHaveTextContent(/(Срок решения|Resolution target)/);
  },
};

/** The reply could not be sent (no connection): the text stays, the reason is shown. */
export const ClarificationReplyFailed: Story = {
  args: { ticketId: 't-clarification_requested' },
  parameters: { widget: { tickets: [seedIn('clarification_requested', OPEN_NOW)], api: { failures: { message: 'network' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-clarification_requested');
    await typeInto(canvas, t('timeline:reply.label'), 'Chrome 131.');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.submit') }));
    await expect(await canvas.findByText(t('common:failure.network'))).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: t('timeline:reply.label') })).toHaveValue('Chrome 131.');
  },
};

/** "Cancel the request?" — a modal confirmation inside the shadow root. */
export const CancelConfirmation: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-processing' },
  parameters: { widget: { tickets: [seedIn('processing', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-processing');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:cancel.button') }));
    const number = harness.api.store.get('t-processing')?.number ?? '';
    await expect(await canvas.findByRole('dialog', { name: t('timeline:cancel.title', { number }) })).toBeVisible();
  },
};

/** Cancelled from the dialog: the final status, no more actions. */
export const CancelDone: Story = {
  args: { ticketId: 't-processing' },
  parameters: { widget: { tickets: [seedIn('processing', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-processing');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:cancel.button') }));
    await userEvent.click(await canvas.findByRole('button', { name: t('timeline:cancel.confirm') }));
    await expect(await canvas.findByText(t('timeline:cancel.done'))).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('timeline:cancel.button') })).toBeNull();
  },
};

/** The ticket could not be loaded: the reason and "Retry". */
export const LoadError: Story = {
  args: { ticketId: 't-processing' },
  parameters: { widget: { tickets: [seedIn('processing', OPEN_NOW)], api: { failures: { ticket: 'server' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('timeline:loadError'))).toBeVisible();
  },
};

/**
 * Sent on Friday at 18:30 MSK, after support closed: the review deadline is on the next working day (Monday
 * morning), in Moscow time and the user's own.
 */
export const ConfirmationWhileClosed: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-evening', justCreated: true },
  parameters: { widget: { now: CLOSED_NOW, tickets: [{ id: 't-evening', draft: 'technical', createdAt: CLOSED_NOW }] } },
  play: async (context) => {
    const { canvas, t, text, harness } = playKit(context);
    const ticket = harness.api.store.get('t-evening');
    if (ticket === undefined) throw new Error('t-evening was not seeded');
    const due = new Date(ticket.reviewDueAt);
    // Not the same evening, nor the weekend: the next working day.
    await expect(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Moscow', weekday: 'long' }).format(due)).toBe('Monday');
    const times = zonedTimes(due, { locale: harness.locale, now: harness.clock.now(), timeZone: USER_TIME_ZONE });
    const when = times.local === null ? t('timeline:when.moscow', { moscow: times.moscow }) : t('timeline:when.both', { moscow: times.moscow, local: times.local });
    const line = await canvas.findByText(text('timeline:confirm.review', { when }));
    await expectFocus(context.canvasElement, line.closest('.us-confirmation'));
  },
};

/** «Отправить уточнение» with nothing written: the field says what to write, and has the focus. */
export const ClarificationReplyEmpty: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-clarification_requested' },
  parameters: { widget: { tickets: [seedIn('clarification_requested', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-clarification_requested');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.submit') }));
    const field = canvas.getByRole('textbox', { name: t('timeline:reply.label') });
    await expect(field).toHaveAccessibleDescription(expect.stringContaining(t('timeline:reply.emptyQuestion')));
    await expectFocus(context.canvasElement, field);
    await expect(harness.api.store.get('t-clarification_requested')?.status).toBe('clarification_requested');
  },
};

/** After an answer, «Отправить сообщение» with nothing written: the message field asks for a message. */
export const MessageAfterAnswerEmpty: Story = {
  args: { ticketId: 't-answered' },
  parameters: { widget: { tickets: [seedIn('answered', OPEN_NOW)] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-answered');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.messageSubmit') }));
    const field = canvas.getByRole('textbox', { name: t('timeline:reply.messageLabel') });
    await expect(field).toHaveAccessibleDescription(expect.stringContaining(t('timeline:reply.emptyMessage')));
    await expectFocus(context.canvasElement, field);
  },
};

/** An answer sent while its screenshot is still uploading: it waits, and says to wait for the files. */
export const ClarificationReplyFilesUploading: Story = {
  args: { ticketId: 't-clarification_requested' },
  parameters: { widget: { tickets: [seedIn('clarification_requested', OPEN_NOW)], api: { uploads: { hang: true } } } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-clarification_requested');
    await typeInto(canvas, t('timeline:reply.label'), REPLY);
    await userEvent.upload(await canvas.findByLabelText(t('attachments:pick'), {}, { timeout: 4000 }), await pngFile('белый-экран.png', 640, 400));
    await canvas.findByRole('progressbar', { name: t('attachments:progress', { name: 'белый-экран.png' }) }, { timeout: 4000 });
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.submit') }));
    await expect(await canvas.findByText(t('timeline:reply.busyFiles'))).toBeVisible();
    await expect(harness.api.store.get('t-clarification_requested')?.status).toBe('clarification_requested');
  },
};

/** An answer whose file did not upload: nothing is sent until the file is uploaded again or removed. */
export const ClarificationReplyFileFailed: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-clarification_requested' },
  parameters: { widget: { tickets: [seedIn('clarification_requested', OPEN_NOW)], api: { failures: { upload: 'server' } } } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-clarification_requested');
    await typeInto(canvas, t('timeline:reply.label'), REPLY);
    await userEvent.upload(await canvas.findByLabelText(t('attachments:pick'), {}, { timeout: 4000 }), await pngFile('белый-экран.png', 640, 400));
    await canvas.findByText(t('attachments:failure.server'), {}, { timeout: 4000 });
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:reply.submit') }));
    await expect(await canvas.findByText(t('timeline:reply.failedFiles'))).toBeVisible();
    await expect(harness.api.store.get('t-clarification_requested')?.status).toBe('clarification_requested');
  },
};

/** Cancelling failed (no connection): the dialog closes, the ticket stays as it was, and the block says so. */
export const CancelFailed: Story = {
  tags: ['en-dark'],
  args: { ticketId: 't-processing' },
  parameters: { widget: { tickets: [seedIn('processing', OPEN_NOW)], api: { failures: { cancel: 'network' } } } },
  play: async (context) => {
    const { canvas, t, harness } = playKit(context);
    await ticketArrived(context, 't-processing');
    const button = canvas.getByRole('button', { name: t('timeline:cancel.button') });
    await userEvent.click(button);
    await userEvent.click(await canvas.findByRole('button', { name: t('timeline:cancel.confirm') }));
    await expect(await canvas.findByText(t('timeline:cancel.failed'))).toBeVisible();
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expectFocus(context.canvasElement, button);
    await expect(harness.api.store.get('t-processing')?.status).toBe('processing');
  },
};

/** Cancelling refused because the ticket changed meanwhile (409): said so, pointing to the updated history. */
export const CancelConflict: Story = {
  args: { ticketId: 't-processing' },
  parameters: { widget: { tickets: [seedIn('processing', OPEN_NOW)], api: { failures: { cancel: 'conflict' } } } },
  play: async (context) => {
    const { canvas, t, text } = playKit(context);
    await ticketArrived(context, 't-processing');
    await userEvent.click(canvas.getByRole('button', { name: t('timeline:cancel.button') }));
    await userEvent.click(await canvas.findByRole('button', { name: t('timeline:cancel.confirm') }));
    await expect(await canvas.findByText(text('common:failure.conflict'))).toBeVisible();
    await expect(canvas.queryByText(t('timeline:cancel.failed'))).toBeNull();
  },
};
