/**
 * Renders a story the way the embed renders the widget: a host element with an open shadow root, the
 * widget's CSS adopted into it (lazy parts add theirs through `env.adoptStyles`), and React rendered inside
 * through a portal, under the widget's providers.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { I18nProvider } from '../../src/widget/shared/i18n-react';
import { SupportApiProvider } from '../../src/api';
import { adoptStyles } from '../../src/embed/styles';
import { widgetCss } from '../../src/widget/app';
import { WidgetEnvProvider } from '../../src/widget/shared/env';
import { useLazyPart } from '../../src/widget/shared/use-lazy-part';
import type { StoryHarness } from './harness';
import { LAZY_CSS, LAZY_NAMESPACES } from './parts';
import storyCss from './story.css?inline';

/** The attribute that marks the story's shadow host (play functions query inside its shadow root). */
export const STORY_HOST_ATTRIBUTE = 'data-story-host';

/** The story's theme. */
export type StoryTheme = 'light' | 'dark';

/** The element inside the shadow root that React renders into (as the embed's mount point). */
export const STORY_MOUNT_ATTRIBUTE = 'data-story-mount';

/**
 * Opens the host's shadow root once, adopts the main CSS first (so lazy parts' rules come after it) and adds
 * the mount point; returns the mount point.
 */
function openShadow(host: HTMLElement, harness: StoryHarness): HTMLElement {
  let shadow = host.shadowRoot;
  if (shadow === null) {
    shadow = host.attachShadow({ mode: 'open' });
    adoptStyles(shadow, widgetCss);
    // The stories' own layout (grids, a mock host page) comes last and only styles `story-*` classes.
    adoptStyles(shadow, storyCss);
    const mount = document.createElement('div');
    mount.setAttribute(STORY_MOUNT_ATTRIBUTE, '');
    shadow.append(mount);
  }
  harness.attach(shadow);
  const mount = shadow.querySelector<HTMLElement>(`[${STORY_MOUNT_ATTRIBUTE}]`);
  if (mount === null) throw new Error('story mount point missing');
  return mount;
}

/** The lazy screens' texts and CSS, registered as the screens do it (component stories render features directly). */
function LazyParts({ children }: { children: ReactNode }) {
  useLazyPart(LAZY_NAMESPACES, LAZY_CSS);
  return children;
}

/** Props of {@link WidgetFrame}. */
export interface WidgetFrameProps {
  harness: StoryHarness;
  theme: StoryTheme;
  /** The story renders WidgetRoot itself: no providers or `.us-root` from the frame. */
  bare: boolean;
  children: ReactNode;
}

/** The shadow host with the story inside. */
export function WidgetFrame({ harness, theme, bare, children }: WidgetFrameProps) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const mount = useMemo(() => (host === null ? null : openShadow(host, harness)), [host, harness]);
  useEffect(() => () => harness.dispose(), [harness]);
  const content = bare ? (
    children
  ) : (
    <QueryClientProvider client={harness.queryClient}>
      <I18nProvider i18n={harness.i18n}>
        <SupportApiProvider api={harness.api}>
          <WidgetEnvProvider env={harness.env}>
            <div className="us-root story-body" data-theme={theme} lang={harness.locale}>
              <LazyParts>{children}</LazyParts>
            </div>
          </WidgetEnvProvider>
        </SupportApiProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
  const attributes = { [STORY_HOST_ATTRIBUTE]: '' };
  return (
    <div ref={setHost} {...attributes} className="story-host" data-theme={theme}>
      {mount === null ? null : createPortal(content, mount)}
    </div>
  );
}
