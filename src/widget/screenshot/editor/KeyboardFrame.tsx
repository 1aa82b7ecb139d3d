/**
 * Drawing without a mouse: a button that shows a frame on the picture; arrows move it, Shift + arrows resize it,
 * Enter (the button's click) applies the current tool, Escape removes the frame. The first press only shows it.
 */
import { useId } from 'react';
import type { Dispatch, KeyboardEvent } from 'react';
import { useTranslation } from '../../shared/i18n-react';
import { Button } from '../../shared/ui';
import type { EditorAction } from './editor-reducer';

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The keyboard frame's button and its instructions. */
export function KeyboardFrame({ active, dispatch }: { active: boolean; dispatch: Dispatch<EditorAction> }) {
  const { t } = useTranslation('screenshot');
  const hintId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const arrow = ARROWS[event.key];
    if (arrow !== undefined) {
      event.preventDefault();
      dispatch({ type: 'keyboard-nudge', dx: arrow[0], dy: arrow[1], resize: event.shiftKey });
    } else if (event.key === 'Escape' && active) {
      // Only the frame goes: the dialog around the editor must not close as well.
      event.preventDefault();
      event.stopPropagation();
      dispatch({ type: 'cancel-draft' });
    }
  };
  return (
    <div className="us-editor__keyboard">
      <Button
        aria-describedby={hintId}
        aria-pressed={active}
        onKeyDown={onKeyDown}
        onBlur={() => active && dispatch({ type: 'cancel-draft' })}
        onClick={() => dispatch(active ? { type: 'commit' } : { type: 'keyboard-frame' })}
      >
        {t('editor.keyboard')}
      </Button>
      <p className="us-editor__hint" id={hintId}>
        {t('editor.keyboardHint')}
      </p>
    </div>
  );
}
