/** Test helpers of the screenshot feature: providers, fake browser services and a fake renderer. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../../src/widget/shared/i18n-react';
import { vi } from 'vitest';
import type { SupportApi } from '../../../src/api/types';
import type { CaptureServices } from '../../../src/widget/screenshot';
import type { EditorRenderer } from '../../../src/widget/screenshot/editor/canvas-renderer';
import type { EditorImage } from '../../../src/widget/screenshot/editor/editor-image';
import { screenshotMessages } from '../../../src/widget/screenshot/messages';
import { WidgetEnvProvider } from '../../../src/widget/shared/env';
import type { WidgetEnv } from '../../../src/widget/shared/env';
import { createWidgetI18n } from '../../../src/widget/shared/i18n';
import { createMemoryTextStore } from '../../../src/widget/shared/memory-stores';
import { commonMessages } from '../../../src/widget/shared/messages';

/** A decoded image without pixels (jsdom has no canvas). */
export function fakeImage(width = 1000, height = 500) {
  const release = vi.fn<() => void>();
  const image: EditorImage = { source: {} as CanvasImageSource, width, height, release };
  return Object.assign(image, { release });
}

/** A renderer that records what it was asked to draw and exports a fixed PNG. */
export function fakeRenderer() {
  const exported = new Blob(['png'], { type: 'image/png' });
  const renderer = { draw: vi.fn<EditorRenderer['draw']>(), export: vi.fn<EditorRenderer['export']>(async () => exported) };
  return { renderer, exported };
}

/** Services for the flow; override what the test is about. */
export function fakeServices(overrides: Partial<CaptureServices> = {}): CaptureServices {
  const { renderer } = fakeRenderer();
  return {
    detect: () => ({ hasDisplayMedia: false, isSecureContext: true, permissionsPolicyAllows: true, isMobile: false }),
    captureDisplay: vi.fn(async () => new Blob(['display'], { type: 'image/png' })),
    captureDom: vi.fn(async () => new Blob(['dom'], { type: 'image/png' })),
    waitForPaint: async () => undefined,
    loadImage: vi.fn(async () => fakeImage()),
    renderer,
    ...overrides,
  };
}

/** Renders inside the widget's providers; the screenshot namespace only when asked (the flow adds it itself). */
export function renderWithWidget(
  ui: ReactElement,
  options: { withMessages?: boolean; container?: () => HTMLElement | ShadowRoot | null; strict?: boolean } = {},
) {
  const i18n = createWidgetI18n('ru', options.withMessages === true ? { common: commonMessages, screenshot: screenshotMessages } : { common: commonMessages });
  const env: WidgetEnv = {
    api: {} as SupportApi,
    host: null,
    userKey: 'guest',
    now: () => new Date('2025-12-01T09:00:00.000Z'),
    readBrowser: () => ({ userAgent: 'test' }),
    pageErrors: () => [],
    textStore: createMemoryTextStore(),
    ...(options.container === undefined ? {} : { container: options.container }),
  };
  return render(
    <I18nProvider i18n={i18n}>
      <WidgetEnvProvider env={env}>{ui}</WidgetEnvProvider>
    </I18nProvider>,
    { reactStrictMode: options.strict === true },
  );
}
