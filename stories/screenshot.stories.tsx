/** The screenshot feature (a lazy chunk): the editor on a generated page picture, and the capture flow's steps. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { action } from 'storybook/actions';
import { expect, userEvent } from 'storybook/test';
import { ScreenshotEditor } from '../src/widget/screenshot/editor/ScreenshotEditor';
import ScreenshotFlow from '../src/widget/screenshot/ScreenshotFlow';
import type { CaptureServices } from '../src/widget/screenshot/types';
import { lmsPageImage, lmsPagePng } from './support/page-picture';
import { playKit } from './support/play';

/** The editor over a generated 1280 × 800 page. */
function EditorStory() {
  const [image] = useState(() => lmsPageImage());
  return <ScreenshotEditor image={image} onAttach={action('attach')} onCancel={action('cancel')} />;
}

const meta = {
  title: 'Widget/Screenshot',
  component: EditorStory,
} satisfies Meta<typeof EditorStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const desktop = { hasDisplayMedia: true, isSecureContext: true, permissionsPolicyAllows: true, isMobile: false };
const refused = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));

const INTRO: Partial<CaptureServices> = { detect: () => desktop, captureDisplay: refused };
const MANUAL: Partial<CaptureServices> = { detect: () => ({ ...desktop, hasDisplayMedia: false, canRenderDom: false }) };
const DOM_CAPTURE: Partial<CaptureServices> = {
  detect: () => ({ ...desktop, hasDisplayMedia: false }),
  captureDom: () => lmsPagePng(960, 600),
  waitForPaint: () => Promise.resolve(),
};

/** The flow with stubbed browser services (no real capture in a story). */
function flow(services: Partial<CaptureServices>) {
  return () => <ScreenshotFlow services={services} hideWidget={() => () => undefined} onDone={action('done')} onCancel={action('cancel')} />;
}

/** The editor: black out personal data, highlight what is broken, crop. */
export const Editor: Story = {};

/** One area blacked out with the keyboard frame (no mouse needed). */
export const EditorWithBlackout: Story = {
  tags: ['en-dark'],
  play: async (context) => {
    const { canvas, t } = playKit(context);
    const frame = await canvas.findByRole('button', { name: t('screenshot:editor.keyboard') });
    await userEvent.click(frame);
    await userEvent.click(frame);
    const label = t('screenshot:editor.canvas', { width: 1280, height: 800, blackouts: 1, highlights: 0, crop: '' });
    await expect(canvas.getByRole('img', { name: label })).toBeVisible();
  },
};

/** Desktop with the screen-capture API: what will happen, and the click the browser needs. */
export const CaptureIntro: Story = { render: flow(INTRO) };

/** The user said no to screen sharing: try again, capture without it, or take it by hand. */
export const CaptureDenied: Story = {
  tags: ['en-dark'],
  render: flow(INTRO),
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await userEvent.click(await canvas.findByRole('button', { name: t('screenshot:intro.start') }));
    await expect(await canvas.findByText(t('screenshot:intro.denied'))).toBeVisible();
  },
};

/** Nothing automatic works here: the system's own keys, then paste. */
export const ManualCapture: Story = { render: flow(MANUAL) };

/** The same last resort on a phone: its own buttons take the screenshot, then the file is picked. */
export const ManualCaptureOnPhone: Story = {
  render: flow({ detect: () => ({ ...desktop, hasDisplayMedia: false, isMobile: true, canRenderDom: false }) }),
};

/** The page was rendered from its DOM and opens in the editor. */
export const CapturedIntoEditor: Story = {
  render: flow(DOM_CAPTURE),
  play: async (context) => {
    const { canvas, t } = playKit(context);
    await expect(await canvas.findByRole('toolbar', { name: t('screenshot:editor.toolbar') }, { timeout: 4000 })).toBeVisible();
  },
};
