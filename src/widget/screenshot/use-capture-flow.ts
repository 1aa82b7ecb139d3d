/**
 * The capture chain as steps: the method the environment allows first, falling back when it fails —
 * screen-capture API → DOM rendering → a screenshot the user pastes — and then the editor.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isRefusal } from './capture/capture-display';
import { chooseCaptureMethod } from './capture/choose-capture-method';
import type { EditorImage } from './editor/editor-image';
import type { CaptureServices } from './types';

/** Where the flow is. */
export type FlowStep =
  | { name: 'intro'; denied: boolean }
  | { name: 'capturing' }
  | { name: 'manual'; failed: boolean }
  | { name: 'editing'; image: EditorImage };

/** The first step: the screen-capture API needs a click (a user gesture), the DOM rendering starts at once. */
function firstStep(services: CaptureServices): FlowStep {
  switch (chooseCaptureMethod(services.detect())) {
    case 'display-media':
      return { name: 'intro', denied: false };
    case 'dom':
      return { name: 'capturing' };
    case 'manual':
      return { name: 'manual', failed: false };
  }
}

/** Runs the flow; `exclude` gives the widget's host element to leave out of a DOM capture. */
export function useCaptureFlow(services: CaptureServices, hideWidget: () => () => void, exclude: () => Element | null) {
  const [step, setStep] = useState<FlowStep>(() => firstStep(services));
  const alive = useRef(true);
  const started = useRef(false);
  const image = useRef<EditorImage | null>(null);

  const edit = useCallback(
    async (blob: Blob) => {
      try {
        const loaded = await services.loadImage(blob);
        if (!alive.current) return loaded.release();
        image.current?.release();
        image.current = loaded;
        setStep({ name: 'editing', image: loaded });
      } catch {
        if (alive.current) setStep({ name: 'manual', failed: true });
      }
    },
    [services],
  );

  const captureDom = useCallback(async () => {
    setStep({ name: 'capturing' });
    const restore = hideWidget();
    let blob: Blob | null = null;
    try {
      await services.waitForPaint();
      blob = await services.captureDom(exclude());
    } catch {
      blob = null;
    } finally {
      restore();
    }
    if (!alive.current) return;
    if (blob === null) setStep({ name: 'manual', failed: true });
    else await edit(blob);
  }, [services, hideWidget, exclude, edit]);

  const captureDisplay = useCallback(async () => {
    setStep({ name: 'capturing' });
    try {
      const blob = await services.captureDisplay(hideWidget);
      if (alive.current) await edit(blob);
    } catch (error) {
      if (!alive.current) return;
      // "No" from the user is respected; a method that does not work here falls back to the next one.
      if (isRefusal(error)) setStep({ name: 'intro', denied: true });
      else await captureDom();
    }
  }, [services, hideWidget, edit, captureDom]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => {
    // Once per flow, also under StrictMode's double effects: a capture hides the widget.
    if (step.name !== 'capturing' || started.current) return;
    started.current = true;
    void captureDom();
  }, [step.name, captureDom]);

  useEffect(() => () => image.current?.release(), []);

  return {
    step,
    captureDisplay: () => {
      started.current = true;
      void captureDisplay();
    },
    captureDom: () => {
      started.current = true;
      void captureDom();
    },
    manual: () => setStep({ name: 'manual', failed: false }),
    edit: (blob: Blob) => void edit(blob),
  };
}
