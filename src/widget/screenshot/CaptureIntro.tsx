/** Before the screen-capture API: what will happen, and the click the browser needs as a user gesture. */
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';

/** The intro step. */
export function CaptureIntro({
  denied,
  onCapture,
  onCaptureDom,
  onManual,
  onCancel,
}: {
  denied: boolean;
  onCapture(): void;
  onCaptureDom(): void;
  onManual(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('screenshot');
  return (
    <>
      {denied ? (
        <Notice tone="warning" live>
          {t('intro.denied')}
        </Notice>
      ) : (
        <p>{t('intro.text')}</p>
      )}
      <div className="us-screenshot__actions">
        <Button variant="primary" onClick={onCapture}>
          {denied ? t('intro.again') : t('intro.start')}
        </Button>
        {denied ? <Button onClick={onCaptureDom}>{t('intro.dom')}</Button> : null}
        <Button onClick={onManual}>{t('manualOption')}</Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('back')}
        </Button>
      </div>
    </>
  );
}
