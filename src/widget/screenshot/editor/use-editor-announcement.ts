/** The editor's live-region text, from the reducer's last event. */
import { useTranslation } from '../../shared/i18n-react';
import type { EditorEvent } from './editor-reducer';

/** What to announce after the last action ('' before any). */
export function useEditorAnnouncement(event: EditorEvent | null): string {
  const { t } = useTranslation('screenshot');
  if (event === null) return '';
  switch (event.kind) {
    case 'added':
      return t(`editor.announce.${event.tool}`);
    case 'frame':
      return t('editor.announce.frame', { ...event.rect });
    case 'undone':
      return t('editor.announce.undone');
    case 'reset':
      return t('editor.announce.reset');
    default:
      return event satisfies never;
  }
}
