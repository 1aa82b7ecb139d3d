/** The form around sending: a restored draft, the checklist, duplicates, page errors, sending and failing to send. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { REFUSAL_MESSAGE } from './support/failures';
import { FILLED, OPEN_NOW, PAGE_ERRORS } from './support/fixtures';
import { completeFilled, submit } from './support/form-play';
import { pngFile } from './support/files';
import { FormStory } from './support/kit';
import { expectFocus, playKit } from './support/play';
import { seedIn } from './support/seed';

const meta = {
  title: 'Widget/Form/Sending',
  component: FormStory,
} satisfies Meta<typeof FormStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const minutesBefore = (iso: string, minutes: number) => new Date(new Date(iso).getTime() - minutes * 60_000).toISOString();

/** A technical draft saved 25 minutes before the story's now. */
const RESTORED_DRAFT = {
  widget: {
    draft: {
      savedAt: minutesBefore(OPEN_NOW, 25),
      values: { category: 'technical', subject: 'Не сохраняется прогресс', description: 'После выхода из урока прогресс сбрасывается на 0 %.', steps: '1. Пройти половину урока\n2. Выйти' },
    },
  },
};

/** A draft saved 25 minutes ago came back: the notice says when, and offers to delete it. */
export const DraftRestored: Story = {
  parameters: RESTORED_DRAFT,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('textbox', { name: t('form:field.subject') })).toHaveValue('Не сохраняется прогресс');
    await expect(canvas.getByRole('button', { name: t('form:draft.discard') })).toBeVisible();
  },
};

/** "Delete the draft?" — a confirmation, since everything typed would be lost. */
export const DraftDiscardConfirm: Story = {
  tags: ['en-dark'],
  parameters: RESTORED_DRAFT,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:draft.discard') }));
    await expect(await canvas.findByRole('dialog', { name: t('form:draft.confirmTitle') })).toBeVisible();
  },
};

/**
 * The page asked for a request about a document (`open({ category: 'document', … })`) while a technical draft
 * was waiting: the draft stays, and the notice names the page's request and offers it in its place.
 */
export const DraftWithHostRequest: Story = {
  tags: ['en-dark'],
  parameters: { widget: { ...RESTORED_DRAFT.widget, prefill: { category: 'document', documentUrl: 'https://lms.example.ru/documents/doc-9' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const requested = t('common:category.document');
    await expect(await canvas.findByText(t('form:draft.requested', { category: requested }))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('form:draft.startRequested', { category: requested }) }));
    const dialog = await canvas.findByRole('dialog', { name: t('form:draft.confirmTitle') });
    await expect(dialog).toHaveTextContent(t('form:draft.confirmRequested', { category: requested }));
  },
};

/** The draft deleted: the form starts afresh at the category question, and the focus is there, not lost to the page. */
export const DraftDiscarded: Story = {
  parameters: RESTORED_DRAFT,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:draft.discard') }));
    const dialog = await canvas.findByRole('dialog', { name: t('form:draft.confirmTitle') });
    await userEvent.click(within(dialog).getByRole('button', { name: t('form:draft.confirm') }));
    await expectFocus(context.canvasElement, canvas.getByRole('heading', { name: t('form:field.category') }));
    await expect(canvas.queryByText(t('form:draft.discard'))).not.toBeInTheDocument();
  },
};

/**
 * A screenshot made in the form («Сделать скриншот страницы», here by hand), edited and attached: it joins the
 * list, and the focus comes back to the button that opened the tool.
 */
export const ScreenshotAttached: Story = {
  parameters: { widget: { prefill: { category: 'technical' } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const capture = await canvas.findByRole('button', { name: t('attachments:capture') }, { timeout: 4000 });
    await userEvent.click(capture);
    const manual = await canvas.findByRole('button', { name: t('screenshot:manualOption') }, { timeout: 4000 });
    await userEvent.click(manual);
    await userEvent.upload(await canvas.findByLabelText(t('screenshot:manual.pick')), await pngFile('снимок.png', 640, 400));
    await userEvent.click(await canvas.findByRole('button', { name: t('screenshot:editor.attach') }, { timeout: 4000 }));
    await expectFocus(context.canvasElement, capture);
    const list = await canvas.findByRole('list', { name: t('attachments:listLabel') }, { timeout: 4000 });
    await expect(list).toHaveTextContent(/screenshot-.*\.png/);
  },
};

/** The checklist complete: every required field and a screenshot, attached as a file. */
export const ChecklistComplete: Story = {
  parameters: { widget: { prefill: FILLED.course.prefill } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await completeFilled(canvas, t, 'course');
    await userEvent.upload(canvas.getByLabelText(t('attachments:pick')), await pngFile('видео-не-играет.png', 640, 400));
    const done = t('form:checklist.progress', { done: 7, count: 7 });
    await expect(await canvas.findByText(done, {}, { timeout: 4000 })).toBeVisible();
  },
};

/** An open ticket about the same course exists: the form offers to add this text to it instead. */
export const DuplicateWarning: Story = {
  tags: ['en-dark'],
  parameters: { widget: { prefill: FILLED.course.prefill, tickets: [seedIn('processing', OPEN_NOW, { id: 't-dup', category: 'course' })] } },
  play: async (context) => {
    const { canvas, text, harness } = playKit(context);
    const number = harness.api.store.get('t-dup')?.number ?? '';
    await expect(await canvas.findByText(text('form:duplicate.title', { number }))).toBeVisible();
  },
};

/** The embed recorded page errors: the user may attach them with one tick. */
export const PageErrors: Story = {
  parameters: { widget: { prefill: FILLED.technical.prefill, pageErrors: PAGE_ERRORS } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('checkbox', { name: t('form:browser.pageErrors', { count: 2 }) }));
  },
};

/** Sending takes a while: the button is busy and the status is announced. */
export const Sending: Story = {
  parameters: { widget: { prefill: FILLED.other.prefill, api: { latencyMs: { create: 1_000_000_000 } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await completeFilled(canvas, t, 'other');
    await submit(canvas, t);
    await expect(await canvas.findByText(t('form:send.sending'))).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: t('form:send.submit') })).toHaveAttribute('aria-busy', 'true');
  },
};

/** No connection: nothing is lost, "Retry" resends with the same key, and the same ticket can go by e-mail. */
export const SendFailedEmailFallback: Story = {
  tags: ['en-dark'],
  parameters: { widget: { prefill: FILLED.technical.prefill, api: { failures: { create: 'network' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await completeFilled(canvas, t, 'technical');
    await submit(canvas, t);
    await expect(await canvas.findByText(t('common:failure.network'))).toBeVisible();
    const email = canvas.getByRole('link', { name: t('form:failure.email') });
    await expect(email.getAttribute('href')).toMatch(/^mailto:support@uchi\.pro\?subject=/);
    const title = canvas.getByText(t('form:failure.title'));
    await expectFocus(context.canvasElement, title);
    // Read once, where the focus lands: the title with what went wrong and that nothing was lost; not also an alert.
    await expect(title).toHaveAccessibleDescription(`${t('common:failure.network')} ${t('form:failure.kept')}`);
    for (const alert of canvas.queryAllByRole('alert')) await expect(alert).not.toHaveTextContent(t('form:failure.title'));
  },
};

/** The server is down (5xx after the client's retries): the same e-mail fallback. */
export const SendFailedServer: Story = {
  parameters: { widget: { prefill: FILLED.other.prefill, api: { failures: { create: 'server' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await completeFilled(canvas, t, 'other');
    await submit(canvas, t);
    await expect(await canvas.findByText(t('common:failure.server'))).toBeVisible();
    await expect(canvas.getByRole('link', { name: t('form:failure.email') })).toBeVisible();
  },
};

/** Too many attempts (429): the wait is stated; no e-mail offer, the API is reachable. */
export const SendRateLimited: Story = {
  parameters: { widget: { prefill: FILLED.other.prefill, api: { failures: { create: 'rate-limited' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await completeFilled(canvas, t, 'other');
    await submit(canvas, t);
    await expect(await canvas.findByText(t('common:failure.rateLimitedFor', { seconds: 30 }))).toBeVisible();
    await expect(canvas.queryByRole('link', { name: t('form:failure.email') })).toBeNull();
  },
};

/** The server refuses the draft's key once (`idempotency_conflict`), then takes the ticket. */
const KEY_REFUSED_ONCE = { widget: { prefill: FILLED.other.prefill, api: { failures: { create: { kind: 'already-registered' as const, times: 1 } } } } };

/**
 * A first attempt registered the ticket (its answer never came), then the text changed and the server refused the
 * key: the reason points to «Мои обращения», and instead of «Повторить» the button sends the edited text as a new
 * ticket — which it then does, with a new key.
 */
export const SendAlreadyRegistered: Story = {
  tags: ['en-dark'],
  parameters: KEY_REFUSED_ONCE,
  play: async (context) => {
    const { canvas, t, text } = playKit(context);
    await completeFilled(canvas, t, 'other');
    await submit(canvas, t);
    await expect(await canvas.findByText(text('common:failure.alreadyRegistered'))).toBeVisible();
    await expectFocus(context.canvasElement, canvas.getByText(t('form:failure.title')));
    await expect(canvas.queryByRole('button', { name: t('common:retry') })).toBeNull();
    await expect(canvas.queryByRole('link', { name: t('form:failure.email') })).toBeNull();
    await expect(canvas.getByRole('button', { name: t('form:failure.sendAsNew') })).toBeEnabled();
  },
};

/** The new ticket sent from there: the refused key is replaced, the server registers it and the form starts afresh. */
export const SentAsNewAfterRefusedKey: Story = {
  parameters: KEY_REFUSED_ONCE,
  play: async (context) => {
    const { canvas, t, text, harness } = playKit(context);
    await completeFilled(canvas, t, 'other');
    await submit(canvas, t);
    await userEvent.click(await canvas.findByRole('button', { name: t('form:failure.sendAsNew') }));
    await waitFor(() => expect(harness.api.store.all()).toHaveLength(1));
    await waitFor(() => expect(canvas.queryByText(text('common:failure.alreadyRegistered'))).toBeNull());
  },
};

/** The LMS sign-in the widget was given has expired (401): refresh the LMS page and retry; nothing typed is lost. */
export const SendSignedOut: Story = {
  tags: ['en-dark'],
  parameters: { widget: { prefill: FILLED.other.prefill, api: { failures: { create: 'signed-out' } } } },
  play: async (context) => {
    const { canvas, t, text } = playKit(context);
    await completeFilled(canvas, t, 'other');
    await submit(canvas, t);
    await expect(await canvas.findByText(text('common:failure.signedOut'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('common:retry') })).toBeEnabled();
    // The API answered: no e-mail offer.
    await expect(canvas.queryByRole('link', { name: t('form:failure.email') })).toBeNull();
  },
};

/** The server refused the ticket with a reason of its own (422 with nothing to fix in a field): its sentence is shown as text. */
export const SendRefusedByServer: Story = {
  parameters: { widget: { prefill: FILLED.other.prefill, api: { failures: { create: 'refused' } } } },
  play: async (context) => {
    const { canvas, t, text } = playKit(context);
    await completeFilled(canvas, t, 'other');
    await submit(canvas, t);
    await expect(await canvas.findByText(text('common:failure.refused', { message: REFUSAL_MESSAGE }))).toBeVisible();
    await expect(canvas.getByText(t('form:failure.kept'))).toBeVisible();
    await expect(canvas.queryByRole('link', { name: t('form:failure.email') })).toBeNull();
  },
};

