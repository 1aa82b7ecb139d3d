/** The screenshot editor: crop, highlight and black out on a canvas, with the keyboard as well as a pointer. */
import { useEffect, useReducer, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { useTranslation } from '../../shared/i18n-react';
import { Button, Notice } from '../../shared/ui';
import { canvasRenderer } from './canvas-renderer';
import type { EditorRenderer } from './canvas-renderer';
import { editorReducer, initialEditorState, isEmptyScene } from './editor-reducer';
import type { EditorImage } from './editor-image';
import { EditorToolbar } from './EditorToolbar';
import { KeyboardFrame } from './KeyboardFrame';
import { useEditorAnnouncement } from './use-editor-announcement';

/** Props of the editor. */
export interface ScreenshotEditorProps {
  image: EditorImage;
  /** Gets the exported PNG. */
  onAttach(blob: Blob): void;
  onCancel(): void;
  /** Drawing and export; the canvas one by default. */
  renderer?: EditorRenderer;
}

/** Pointer position in image pixels (the canvas is scaled to fit the panel). */
function imagePoint(event: PointerEvent<HTMLCanvasElement>, image: EditorImage) {
  const box = event.currentTarget.getBoundingClientRect();
  const scaleX = box.width > 0 ? image.width / box.width : 1;
  const scaleY = box.height > 0 ? image.height / box.height : 1;
  return { x: (event.clientX - box.left) * scaleX, y: (event.clientY - box.top) * scaleY };
}

/** The editor. */
export function ScreenshotEditor({ image, onAttach, onCancel, renderer = canvasRenderer }: ScreenshotEditorProps) {
  const { t } = useTranslation('screenshot');
  const [state, dispatch] = useReducer(editorReducer, image, (img) => initialEditorState({ width: img.width, height: img.height }));
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const announcement = useEditorAnnouncement(state.last);
  const { scene, draft, tool } = state;

  useEffect(() => {
    if (canvas.current !== null) renderer.draw(canvas.current, image, { scene, draft, tool });
  }, [renderer, image, scene, draft, tool]);

  const attach = async () => {
    setExporting(true);
    setExportFailed(false);
    try {
      onAttach(await renderer.export(image, scene));
    } catch {
      setExportFailed(true);
    } finally {
      setExporting(false);
    }
  };

  const crop = scene.crop === null ? '' : t('editor.canvasCropped', { width: scene.crop.width, height: scene.crop.height });
  const label = t('editor.canvas', {
    width: image.width,
    height: image.height,
    blackouts: scene.marks.filter((mark) => mark.kind === 'blackout').length,
    highlights: scene.marks.filter((mark) => mark.kind === 'highlight').length,
    crop,
  });

  return (
    <div className="us-editor">
      <p className="us-editor__hint">{t('editor.hint')}</p>
      <EditorToolbar
        tool={tool}
        canUndo={state.past.length > 0}
        canReset={!isEmptyScene(scene)}
        onTool={(next) => dispatch({ type: 'tool', tool: next })}
        onUndo={() => dispatch({ type: 'undo' })}
        onReset={() => dispatch({ type: 'reset' })}
      />
      <div className="us-editor__stage">
        <canvas
          ref={canvas}
          className="us-editor__canvas"
          role="img"
          aria-label={label}
          data-tool={tool}
          width={image.width}
          height={image.height}
          onPointerDown={(event) => {
            if (event.button !== 0) return;
            event.currentTarget.setPointerCapture?.(event.pointerId);
            dispatch({ type: 'pointer-down', point: imagePoint(event, image) });
          }}
          onPointerMove={(event) => dispatch({ type: 'pointer-move', point: imagePoint(event, image) })}
          onPointerUp={() => dispatch({ type: 'pointer-up' })}
          onPointerCancel={() => dispatch({ type: 'cancel-draft' })}
        />
      </div>
      <KeyboardFrame active={draft?.via === 'keyboard'} dispatch={dispatch} />
      {exportFailed ? (
        <Notice tone="error" live>
          {t('editor.exportFailed')}
        </Notice>
      ) : null}
      <div className="us-editor__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('editor.cancel')}
        </Button>
        <Button variant="primary" busy={exporting} onClick={() => void attach()}>
          {t('editor.attach')}
        </Button>
      </div>
      <p className="us-visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
