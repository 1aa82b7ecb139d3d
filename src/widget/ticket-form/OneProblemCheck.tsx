/**
 * «Одна заявка — одна проблема»: when the description reads as several problems, sending waits until the
 * user splits it into separate requests or confirms it is one problem. Lives in a polite live region so
 * the verdict is announced when it appears.
 */
import type { Ref } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';

const PREVIEW_LENGTH = 140;

/** The check's panel; renders nothing (but keeps the live region) while the text is one problem. */
export function OneProblemCheck({
  parts,
  markers = [],
  confirmed,
  panelRef,
  onSplit,
  onConfirm,
  onUndo,
}: {
  parts: readonly string[];
  /** The words that made the check split the text («Кроме того»), shown so the verdict can be understood. */
  markers?: readonly string[];
  confirmed: boolean;
  /** Where focus goes when a send is refused for this reason. */
  panelRef?: Ref<HTMLDivElement>;
  onSplit(): void;
  onConfirm(): void;
  onUndo(): void;
}) {
  const { t } = useTranslation('form');
  const several = parts.length > 1;
  return (
    <div className="us-one-problem" aria-live="polite">
      {several && confirmed ? (
        <p className="us-one-problem__confirmed">
          {t('oneProblem.confirmed')}{' '}
          <Button variant="ghost" onClick={onUndo}>
            {t('oneProblem.undo')}
          </Button>
        </p>
      ) : null}
      {several && !confirmed ? (
        <div ref={panelRef} tabIndex={-1} className="us-one-problem__panel">
          <Notice tone="warning" title={t('oneProblem.title')}>
            <p className="us-notice__text">{t('oneProblem.found', { count: parts.length })}</p>
            <ol className="us-one-problem__parts">
              {parts.map((part, index) => (
                <li key={index}>{part.length > PREVIEW_LENGTH ? `${part.slice(0, PREVIEW_LENGTH - 1)}…` : part}</li>
              ))}
            </ol>
            {markers.length > 0 ? (
              <p className="us-notice__text us-one-problem__markers">
                {t('oneProblem.markers', { markers: markers.map((marker) => t('oneProblem.marker', { marker })).join(', ') })}
              </p>
            ) : null}
            <p className="us-notice__text">{t('oneProblem.why')}</p>
            <div className="us-actions">
              <Button variant="primary" onClick={onSplit}>
                {t('oneProblem.split', { count: parts.length })}
              </Button>
              <Button onClick={onConfirm}>{t('oneProblem.confirm')}</Button>
            </div>
          </Notice>
        </div>
      ) : null}
    </div>
  );
}
