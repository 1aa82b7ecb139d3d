/**
 * The whole widget (WidgetRoot: providers, shell, lazy screens) as the embed renders it, with a stand-in for the
 * loader's launcher button in launcher mode: its label and badge follow the shell's `onUnseenChange`. In launcher
 * mode the host page has its own header (a banner landmark), as an LMS page does: axe checks the panel beside it.
 */
import { useCallback, useRef, useState } from 'react';
import { action } from 'storybook/actions';
import { WidgetRoot } from '../../src/widget/app';
import { UnseenBadge } from '../../src/widget/my-tickets';
import { I18nProvider } from '../../src/widget/shared/i18n-react';
import type { StoryHarness } from './harness';
import type { StoryTheme } from './WidgetFrame';

/** Props of {@link AppStory}. */
export interface AppStoryProps {
  harness: StoryHarness;
  theme: StoryTheme;
  mode: 'inline' | 'launcher';
  /** A ticket number the host asked to open (`open({ ticket })`, a `#uchi-support=` link). */
  openTicket?: string;
  /** The `headingLevel` option: the page has its own h1 above the widget (inline). */
  headingLevel?: 1 | 2 | 3 | 4 | undefined;
}

/** The app; in launcher mode the panel starts open (the shell, and so the badge, mount on first open). */
export function AppStory({ harness, theme, mode, openTicket, headingLevel }: AppStoryProps) {
  const [open, setOpen] = useState(true);
  const [unseen, setUnseen] = useState({ count: 0, label: harness.t('app:launcher') });
  const launcher = useRef<HTMLButtonElement>(null);
  const onClose = useCallback(() => {
    action('close')();
    setOpen(false);
    // As the embed does: closing returns focus to the launcher.
    launcher.current?.focus();
  }, []);
  const onUnseenChange = useCallback((count: number, label: string) => setUnseen({ count, label }), []);
  return (
    <div className="story-app">
      {mode === 'launcher' ? <header className="story-host-header">Uchi.Pro</header> : null}
      {headingLevel === undefined ? null : <h1 className="story-host-title">Техподдержка Uchi.Pro</h1>}
      <WidgetRoot
        env={harness.env}
        i18n={harness.i18n}
        queryClient={harness.queryClient}
        theme={theme}
        mode={mode}
        headingLevel={headingLevel}
        open={mode === 'inline' || open}
        openRequest={openTicket === undefined ? { id: 0 } : { id: 1, ticket: openTicket }}
        onClose={onClose}
        onUnseenChange={onUnseenChange}
      />
      {mode === 'launcher' ? (
        <div className="story-launcher">
          <button ref={launcher} type="button" aria-label={unseen.label} aria-expanded={open} data-badge={unseen.count > 0 ? unseen.count : undefined} onClick={() => setOpen((now) => !now)}>
            {harness.t('app:launcher')}
            <I18nProvider i18n={harness.i18n}>
              <UnseenBadge count={unseen.count} />
            </I18nProvider>
          </button>
        </div>
      ) : null}
    </div>
  );
}
