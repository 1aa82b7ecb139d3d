/**
 * "Capture this page": the lazily loaded screenshot flow — capture by the best method the browser allows, then
 * the editor — ending with a PNG for the attachment queue. Load it only through `lazy.ts`.
 */
import { useCallback, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { useWidgetEnv } from '../shared/env';
import { ensureNamespaces } from '../shared/i18n';
import { Heading } from '../shared/ui';
import { browserServices } from './browser-services';
import { screenshotName } from './capture/screenshot-name';
import { ScreenshotEditor } from './editor/ScreenshotEditor';
import { CaptureIntro } from './CaptureIntro';
import { ManualCapture } from './ManualCapture';
import { screenshotMessages } from './messages';
import type { CaptureServices, ScreenshotFlowProps } from './types';
import { useCaptureFlow } from './use-capture-flow';

const NAMESPACES = { screenshot: screenshotMessages };

/** The widget's host element (the shadow root's host), which a DOM capture leaves out. */
function hostElement(container: (() => HTMLElement | ShadowRoot | null) | undefined): Element | null {
  const root = container?.() ?? null;
  if (root === null) return null;
  return root instanceof ShadowRoot ? root.host : root;
}

/** The screenshot flow. */
export function ScreenshotFlow({ hideWidget, onDone, onCancel, services }: ScreenshotFlowProps) {
  const { i18n } = useTranslation();
  ensureNamespaces(i18n, NAMESPACES); // the lazy chunk brings its own texts
  const { t } = useTranslation('screenshot');
  const env = useWidgetEnv();
  const merged = useMemo<CaptureServices>(() => ({ ...browserServices, ...services }), [services]);
  const exclude = useCallback(() => hostElement(env.container), [env.container]);
  const flow = useCaptureFlow(merged, hideWidget, exclude);
  const mobile = useMemo(() => merged.detect().isMobile, [merged]);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { step } = flow;

  // Each step replaces the content: focus goes to the heading (before paint) so a screen reader starts from the top.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [step.name]);

  return (
    <section className="us-screenshot" aria-labelledby={headingId} data-step={step.name}>
      <Heading depth={2} className="us-screenshot__title" id={headingId} ref={heading} tabIndex={-1}>
        {step.name === 'manual' ? t('manual.title') : t('title')}
      </Heading>
      {step.name === 'intro' ? (
        <CaptureIntro denied={step.denied} onCapture={flow.captureDisplay} onCaptureDom={flow.captureDom} onManual={flow.manual} onCancel={onCancel} />
      ) : null}
      {step.name === 'capturing' ? (
        <p className="us-screenshot__busy" role="status">
          {t('capturing')}
        </p>
      ) : null}
      {step.name === 'manual' ? <ManualCapture failed={step.failed} mobile={mobile} onImage={flow.edit} onCancel={onCancel} /> : null}
      {step.name === 'editing' ? (
        <ScreenshotEditor
          image={step.image}
          renderer={merged.renderer}
          onAttach={(blob) => onDone(blob, screenshotName(env.now()))}
          onCancel={onCancel}
        />
      ) : null}
    </section>
  );
}

/** The lazy target: `import('./ScreenshotFlow')` resolves to this module, whose default is the flow. */
export default ScreenshotFlow;
