/** The "capture this page" button's wiring: loads the screenshot chunk on demand and feeds its result to a queue. */
import { Suspense, useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { LazyScreenshotFlow, loadScreenshotStyles } from '../screenshot';
import { useWidgetEnv } from '../shared/env';
import { Notice } from '../shared/ui';

/** State of the capture flow for one attachments queue. */
export interface CaptureWiring {
  onCapture(): void;
  capturing: boolean;
  captureSlot: ReactNode;
}

/** Opens the lazy screenshot flow and hands the finished PNG to `attach`. */
export function useCapture(attach: (files: File[]) => void): CaptureWiring {
  const env = useWidgetEnv();
  const { t } = useTranslation('app');
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const onCapture = useCallback(() => {
    setFailed(false);
    setOpen(true);
    // The flow's CSS arrives with it; a failure to load either is explained, never silent.
    loadScreenshotStyles()
      .then((css) => env.adoptStyles?.(css))
      .catch(() => {
        setOpen(false);
        setFailed(true);
      });
  }, [env]);
  const close = useCallback(() => setOpen(false), []);
  const captureSlot = failed ? (
    <Notice tone="warning" live>
      {t('captureFailed')}
    </Notice>
  ) : open ? (
    <Suspense fallback={<p role="status">{t('captureLoading')}</p>}>
      <LazyScreenshotFlow
        hideWidget={() => env.hide?.() ?? (() => undefined)}
        onDone={(blob, name) => {
          attach([new File([blob], name, { type: blob.type || 'image/png' })]);
          close();
        }}
        onCancel={close}
      />
    </Suspense>
  ) : null;
  return { onCapture, capturing: open, captureSlot };
}
