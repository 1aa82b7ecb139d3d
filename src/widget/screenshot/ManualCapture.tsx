/**
 * The last resort: how to take a screenshot with the system's own keys, then paste it here (or pick the file).
 * The paste is taken here and stopped with a native listener: the attachment picker around listens natively too,
 * and React's delegated handlers would only run after it had attached the image a second time.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';

const imageOf = (files: ArrayLike<File> | null | undefined) => Array.from(files ?? []).find((file) => file.type.startsWith('image/'));

/**
 * The manual step; `onImage` gets the pasted or picked picture. On a phone or tablet the keys of a computer mean
 * nothing: the user takes the screenshot with the device's own buttons and picks the file.
 */
export function ManualCapture({ failed, mobile = false, onImage, onCancel }: { failed: boolean; mobile?: boolean; onImage(file: Blob): void; onCancel(): void }) {
  const { t } = useTranslation('screenshot');
  const inputId = useId();
  const [notImage, setNotImage] = useState(false);
  const onImageRef = useRef(onImage);
  useEffect(() => {
    onImageRef.current = onImage;
  });
  // Attached when the element is, not in a later effect: a paste right after the step appears is not missed.
  const takePastes = useCallback((element: HTMLDivElement | null) => {
    if (element === null) return undefined;
    const onPaste = (event: ClipboardEvent) => {
      event.preventDefault();
      event.stopPropagation();
      const image = imageOf(event.clipboardData?.files);
      setNotImage(image === undefined);
      if (image !== undefined) onImageRef.current(image);
    };
    element.addEventListener('paste', onPaste);
    return () => element.removeEventListener('paste', onPaste);
  }, []);
  return (
    <div className="us-screenshot__manual" ref={takePastes}>
      {failed ? <Notice tone="warning">{t('manual.failed')}</Notice> : null}
      {mobile ? (
        <p>{t('manual.phone')}</p>
      ) : (
        <>
          <ul className="us-screenshot__steps">
            <li>{t('manual.windows')}</li>
            <li>{t('manual.mac')}</li>
          </ul>
          <p>{t('manual.paste')}</p>
        </>
      )}
      {notImage ? (
        <Notice tone="error" live>
          {t('manual.notImage')}
        </Notice>
      ) : null}
      <div className="us-screenshot__actions">
        <input
          id={inputId}
          className="us-visually-hidden us-screenshot__input"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          onChange={(event) => {
            const image = imageOf(event.currentTarget.files);
            event.currentTarget.value = '';
            if (image !== undefined) onImage(image);
          }}
        />
        <label className="us-button us-screenshot__pick" data-variant="primary" htmlFor={inputId}>
          {t('manual.pick')}
        </label>
        <Button variant="ghost" onClick={onCancel}>
          {t('back')}
        </Button>
      </div>
    </div>
  );
}
