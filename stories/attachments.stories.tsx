/** Attachments: uploading, uploaded, failed (retry), too large, wrong type, too many, and many at once. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { AttachmentsUnavailable } from '../src/widget/app/form-attachments';
import { TOUCH_ONLY_QUERY } from '../src/widget/shared/media';
import { AttachmentsStory } from './support/AttachmentsStory';
import { playKit } from './support/play';

const meta = {
  title: 'Widget/Attachments',
  component: AttachmentsStory,
  args: { files: [] },
} satisfies Meta<typeof AttachmentsStory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing attached yet: the button, the drop zone and the limits. */
export const Empty: Story = {};

/**
 * On a phone or tablet with no mouse: nothing to drag and no Ctrl+V, so the zone points to the button instead.
 * (The story answers the touch-only media query as such a screen does.)
 */
export const TouchScreen: Story = {
  beforeEach: () => {
    const real = window.matchMedia;
    const touch = (query: string) => {
      const list = real.call(window, 'all');
      // MediaQueryList's `matches` is a getter: the answer is a plain object with the list's methods.
      return {
        matches: true,
        media: query,
        onchange: null,
        addEventListener: list.addEventListener.bind(list),
        removeEventListener: list.removeEventListener.bind(list),
        addListener: list.addListener.bind(list),
        removeListener: list.removeListener.bind(list),
        dispatchEvent: list.dispatchEvent.bind(list),
      };
    };
    window.matchMedia = (query: string) => (query === TOUCH_ONLY_QUERY ? touch(query) : real.call(window, query));
    return () => {
      window.matchMedia = real;
    };
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('attachments:dropHintTouch'))).toBeVisible();
    await expect(canvas.queryByText(t('attachments:dropHint'))).toBeNull();
  },
};

/** A screenshot on its way: progress bar, and "Cancel". */
export const Uploading: Story = {
  tags: ['en-dark'],
  args: { files: [{ name: 'ошибка-в-тесте.png', kind: 'png', width: 1280, height: 720 }] },
  parameters: { widget: { api: { uploads: { hang: true } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const bar = await canvas.findByRole('progressbar', { name: t('attachments:progress', { name: 'ошибка-в-тесте.png' }) }, { timeout: 5000 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
  },
};

/** Uploaded: a thumbnail, the size, "Remove". */
export const Uploaded: Story = {
  args: { files: [{ name: 'ошибка-в-тесте.png', kind: 'png', width: 1280, height: 720 }, { name: 'удостоверение.pdf', kind: 'pdf' }] },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await waitFor(() => expect(canvas.getAllByText(t('attachments:status.uploaded'))).toHaveLength(2), { timeout: 5000 });
  },
};

/** The upload failed (no connection): the reason, "Retry" and "Remove"; retrying succeeds. */
export const Failed: Story = {
  args: { files: [{ name: 'журнал.pdf', kind: 'pdf' }] },
  parameters: { widget: { api: { failures: { upload: { kind: 'network', times: 1 } } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const retry = await canvas.findByRole('button', { name: t('attachments:action.retryNamed', { name: 'журнал.pdf' }) }, { timeout: 5000 });
    await expect(canvas.getByText(t('attachments:failure.network'))).toBeVisible();
    await userEvent.click(retry);
    await expect(await canvas.findByText(t('attachments:status.uploaded'), {}, { timeout: 5000 })).toBeVisible();
  },
};

/** The failed state as it stays when the user has not retried yet. */
export const FailedServer: Story = {
  args: { files: [{ name: 'журнал.pdf', kind: 'pdf' }] },
  parameters: { widget: { api: { failures: { upload: 'server' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('attachments:failure.server'), {}, { timeout: 5000 })).toBeVisible();
  },
};

/** A file the server read and could not use (a PDF cut short): damaged, with no retry that could not help. */
export const FailedDamaged: Story = {
  tags: ['en-dark'],
  args: { files: [{ name: 'акт.pdf', kind: 'pdf' }] },
  parameters: { widget: { api: { failures: { upload: 'refused' } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('attachments:failure.damaged'), {}, { timeout: 5000 })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: t('attachments:action.retryNamed', { name: 'акт.pdf' }) })).toBeNull();
  },
};

/** A PDF over the 10 MB limit: refused before sending, with the limit stated. */
export const TooLarge: Story = {
  tags: ['en-dark'],
  args: { files: [{ name: 'скан-договора.pdf', kind: 'pdf', size: 11 * 1024 * 1024 }] },
  play: async (context) => {
    const { canvas } = playKit(context);
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('скан-договора.pdf'), { timeout: 5000 });
  },
};

/** A text file and an SVG: types the server does not accept. */
export const WrongType: Story = {
  args: { files: [{ name: 'лог.txt', kind: 'text' }, { name: 'схема.svg', kind: 'svg' }] },
  play: async (context) => {
    const { canvas } = playKit(context);
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('схема.svg'), { timeout: 5000 });
    await expect(alert).toHaveTextContent('лог.txt');
  },
};

/** A file named .png whose bytes are not a PNG: it is said to be damaged or not really a PNG, not of a wrong type. */
export const NotReallyPng: Story = {
  tags: ['en-dark'],
  args: { files: [{ name: 'скриншот.png', kind: 'text' }] },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent(t('attachments:refused.damaged', { name: 'скриншот.png', type: 'PNG' })), { timeout: 5000 });
  },
};

/** Four files where three are allowed: the fourth is refused and says so. */
export const TooMany: Story = {
  args: { files: ['1', '2', '3', '4'].map((n) => ({ name: `скриншот-${n}.png`, kind: 'png' as const })) },
  parameters: { widget: { api: { limits: { maxFilesPerTicket: 3 } } } },
  play: async (context) => {
    const { canvas } = playKit(context);
    const alert = await canvas.findByRole('alert');
    await waitFor(() => expect(alert).toHaveTextContent('скриншот-4.png'), { timeout: 5000 });
  },
};

/** Many files at once: one uploading, one failed, the rest uploaded — and one refused. */
export const Many: Story = {
  args: {
    files: [
      { name: 'главная.png', kind: 'png' },
      { name: 'урок-3.png', kind: 'png' },
      { name: 'тест.png', kind: 'png', width: 800, height: 500 },
      { name: 'выписка.pdf', kind: 'pdf' },
      { name: 'журнал.pdf', kind: 'pdf' },
      { name: 'видео.mov', kind: 'text' },
    ],
  },
  parameters: { widget: { api: { uploads: { failByName: { 'журнал.pdf': 'server' } } } } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await waitFor(() => expect(canvas.getAllByText(t('attachments:status.uploaded'))).toHaveLength(4), { timeout: 5000 });
    await expect(canvas.getByText(t('attachments:failure.server'))).toBeVisible();
  },
};

/** In English, with the limits formatted for the locale. */
export const English: Story = { ...Uploaded, globals: { locale: 'en' } };

/** The form's attachment zone did not load (offline right after opening): its place says so; sending goes on without files. */
export const ZoneFailedToLoad: Story = {
  tags: ['en-dark'],
  render: () => <AttachmentsUnavailable onRetry={() => undefined} />,
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByText(t('app:attachmentsFailed'))).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('common:retry') })).toBeEnabled();
  },
};
