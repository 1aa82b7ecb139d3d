/** The whole widget end to end (WidgetRoot with its lazy screens) on the memory API: inline, launcher, phone. */
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { AppStory } from './support/AppStory';
import { CLOSED_NOW, OPEN_NOW } from './support/fixtures';
import { expectFocus, harnessOf, playKit, storyShadow, ticketArrived } from './support/play';
import { seedIn } from './support/seed';

const meta = {
  title: 'Widget/App',
  parameters: { widget: { bare: true } },
  render: (_args, context: StoryContext) => (
    <AppStory harness={harnessOf(context)} theme={context.globals['theme'] === 'dark' ? 'dark' : 'light'} mode={context.parameters['mode'] === 'launcher' ? 'launcher' : 'inline'} headingLevel={context.parameters['headingLevel'] as 2 | undefined} />
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The "Техподдержка Uchi.Pro" section of the LMS: the widget inline, on the new-ticket screen. */
export const Inline: Story = {
  tags: ['en-dark'],
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('heading', { name: t('form:heading') }, { timeout: 5000 })).toBeVisible();
    await expect(canvas.getByRole('button', { name: t('app:nav.new') })).toHaveAttribute('aria-current', 'page');
  },
};

/** In a page section with its own h1 (`headingLevel: 2`): the widget's title is an h2, the form's heading an h3. */
export const InlineUnderPageHeading: Story = {
  parameters: { widget: { bare: true }, headingLevel: 2 },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('heading', { name: t('form:heading'), level: 3 }, { timeout: 5000 })).toBeInTheDocument();
    await expect(canvas.getByRole('heading', { name: t('app:title'), level: 2 })).toBeVisible();
  },
};

/** The same on a 360 px phone. */
export const InlinePhone: Story = { tags: ['en-dark'], ...Inline, globals: { viewport: { value: 'phone360', isRotated: false } } };

/** Evening: support is closed, the banner says when it opens (Moscow and local time). */
export const OffHours: Story = {
  parameters: { widget: { bare: true, now: CLOSED_NOW } },
  play: async (context) => {
    const { canvas } = playKit(context);
    // Monday 30 November, 08:00 MSK = 10:00 in Yekaterinburg (the test browser's zone).
    const opening = await canvas.findByText(/08:00/, { selector: 'time' }, { timeout: 5000 });
    await expect(opening).toHaveAttribute('datetime', '2026-11-30T05:00:00.000Z');
  },
};

/** Launcher mode: the panel in the top layer over the host page, with a close button and a focus trap. */
export const LauncherOpen: Story = {
  parameters: { widget: { bare: true }, mode: 'launcher' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('dialog', { name: t('app:title') })).toBeVisible();
    await expect(await canvas.findByRole('button', { name: t('app:close') })).toBeVisible();
  },
};

/** On a phone the launcher's panel takes the whole screen. */
export const LauncherPhone: Story = { ...LauncherOpen, globals: { viewport: { value: 'phone360', isRotated: false } } };

/**
 * On a phone, a long ticket scrolled to its end: the title, × and tabs stay at the top of the full-screen panel,
 * over what scrolls under them, and a control the focus scrolls back into view shows below them.
 */
export const LauncherPhoneScrolled: Story = {
  tags: ['en-dark'],
  globals: { viewport: { value: 'phone360', isRotated: false } },
  parameters: { widget: { bare: true, tickets: [seedIn('resolved', OPEN_NOW, { id: 't-long' })] }, mode: 'launcher' },
  render: (_args, context: StoryContext) => {
    const harness = harnessOf(context);
    const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
    return <AppStory harness={harness} theme={theme} mode="launcher" openTicket={harness.api.store.get('t-long')?.number ?? ''} />;
  },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await ticketArrived(context, 't-long');
    const panel = canvas.getByRole('dialog', { name: t('app:title') });
    const close = canvas.getByRole('button', { name: t('app:close') });
    const header = close.closest<HTMLElement>('.us-shell__top');
    if (header === null) throw new Error('the close button is not in the header');
    await expect(panel.scrollHeight).toBeGreaterThan(panel.clientHeight * 1.5);

    panel.scrollTop = panel.scrollHeight;
    await waitFor(() => expect(panel.scrollTop + panel.clientHeight).toBeGreaterThanOrEqual(panel.scrollHeight - 1));
    const frame = panel.getBoundingClientRect();
    await expect(header.getBoundingClientRect().top).toBe(frame.top + panel.clientTop);
    const box = close.getBoundingClientRect();
    const hit = storyShadow(context.canvasElement).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    await expect(close.contains(hit)).toBe(true);
    // Opaque in both themes: the timeline passing under it does not show through.
    await expect(getComputedStyle(header).backgroundColor).toMatch(/^rgb\(\d+, \d+, \d+\)$/);

    // What the browser keeps clear when it scrolls a focused control into view covers the header (tabs wrapped too).
    await expect(header.offsetHeight).toBeLessThanOrEqual(parseFloat(getComputedStyle(panel).scrollPaddingTop));
    // A control of the timeline scrolled just under the header: focused (as Tab would), it comes out below it.
    const controls = canvas.getAllByRole('button').filter((button) => !header.contains(button));
    const control = controls[Math.floor(controls.length / 2)];
    if (control === undefined) throw new Error('the ticket has no controls');
    panel.scrollTop += control.getBoundingClientRect().top - (frame.top + 8);
    await waitFor(() => expect(control.getBoundingClientRect().bottom).toBeLessThanOrEqual(header.getBoundingClientRect().bottom));
    control.focus();
    await expectFocus(context.canvasElement, control);
    await expect(control.getBoundingClientRect().top).toBeGreaterThanOrEqual(header.getBoundingClientRect().bottom);
    await userEvent.click(close);
    await expect(canvas.getByRole('button', { name: t('app:launcher') })).toHaveAttribute('aria-expanded', 'false');
  },
};

/** Launcher with a badge: the panel closed, one ticket changed since the user last looked. */
export const LauncherWithBadge: Story = {
  tags: ['en-dark'],
  parameters: { widget: { bare: true, tickets: [seedIn('clarification_requested', OPEN_NOW, { id: 't-q' })], unseen: ['t-q'] }, mode: 'launcher' },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const label = t('app:launcherChanged', { count: 1 });
    await expect(await canvas.findByRole('button', { name: label }, { timeout: 5000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('app:close') }));
    await expect(canvas.getByRole('button', { name: label })).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.getByRole('button', { name: label })).toHaveAttribute('data-badge', '1');
  },
};

/** The "My tickets" tab carries the same badge inside the panel. */
export const TabBadge: Story = {
  parameters: { widget: { bare: true, tickets: [seedIn('answered', OPEN_NOW, { id: 't-a' })], unseen: ['t-a'] } },
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const tab = await canvas.findByRole('button', { name: new RegExp(`^${escape(t('app:nav.tickets'))}`) }, { timeout: 5000 });
    await waitFor(() => expect(tab).toHaveTextContent(t('unseen:badge', { count: 1 })));
  },
};

/** Pastes a small PNG named `screenshot.png` on the category choice, as Ctrl+V with a screenshot would. */
async function pasteScreenshotOnChoice(context: StoryContext): Promise<HTMLElement> {
  const { canvas, t } = playKit(context);
  const option = await canvas.findByRole('button', { name: t('common:category.other') }, { timeout: 5000 });
  const clipboard = new DataTransfer();
  clipboard.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'screenshot.png', { type: 'image/png' }));
  option.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, composed: true, cancelable: true }));
  await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('form:waitingFiles.one', { names: 'screenshot.png' })));
  return option;
}

/** A screenshot pasted before the category is chosen: the choice names it, to be attached once a category is chosen. */
export const FilePastedBeforeCategory: Story = {
  tags: ['en-dark'],
  play: async (context) => {
    await pasteScreenshotOnChoice(context);
  },
};

/** The same, then a category: the screenshot is in the list with the category's fields. */
export const FilePastedThenCategoryChosen: Story = {
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await pasteScreenshotOnChoice(context));
    const list = await canvas.findByRole('list', { name: t('attachments:listLabel') }, { timeout: 5000 });
    await waitFor(() => expect(list).toHaveTextContent('screenshot.png'));
  },
};
