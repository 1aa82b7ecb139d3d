/** The editor's tools (toggle buttons with aria-pressed), undo and reset. */
import { useTranslation } from '../../shared/i18n-react';
import { Button } from '../../shared/ui';
import type { Tool } from './editor-reducer';

const TOOLS: readonly Tool[] = ['blackout', 'highlight', 'crop'];

/** The toolbar. */
export function EditorToolbar({
  tool,
  canUndo,
  canReset,
  onTool,
  onUndo,
  onReset,
}: {
  tool: Tool;
  canUndo: boolean;
  canReset: boolean;
  onTool(tool: Tool): void;
  onUndo(): void;
  onReset(): void;
}) {
  const { t } = useTranslation('screenshot');
  return (
    <div className="us-editor__toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      {TOOLS.map((each) => (
        <Button key={each} variant={each === tool ? 'primary' : 'secondary'} aria-pressed={each === tool} onClick={() => onTool(each)}>
          {t(`editor.${each}`)}
        </Button>
      ))}
      <Button variant="ghost" disabled={!canUndo} onClick={onUndo}>
        {t('editor.undo')}
      </Button>
      <Button variant="ghost" disabled={!canReset} onClick={onReset}>
        {t('editor.reset')}
      </Button>
    </div>
  );
}
