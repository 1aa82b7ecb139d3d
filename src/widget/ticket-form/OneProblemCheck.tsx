/**
 * «Одна заявка — одна проблема»: when the description reads as several problems, sending waits until the
 * user splits it into separate requests or confirms it is one problem. The verdict, in one sentence, is a
 * polite live region, so it is announced when it appears; the panel with its parts and buttons is not read whole.
 */
import { useEffect, useId, useLayoutEffect, useRef, type Ref } from 'react';
import { liftAboveBar } from '../shared/reveal';
import { useTranslation } from '../shared/i18n-react';
import { Button, Notice } from '../shared/ui';

const PREVIEW_LENGTH = 140;

/** A part as the notice lists it: whole, or cut at a word boundary before PREVIEW_LENGTH. */
function preview(part: string): string {
  if (part.length <= PREVIEW_LENGTH) return part;
  const space = part.lastIndexOf(' ', PREVIEW_LENGTH - 1);
  return `${part.slice(0, space > PREVIEW_LENGTH / 2 ? space : PREVIEW_LENGTH - 1).trimEnd()}…`;
}

/**
 * Under the description, where the user is typing: a line saying the check found several problems, with the way
 * to its panel (far below on a phone). Not a live region: the panel announces the verdict.
 */
export function ProblemsPointer({ count, onShow }: { count: number; onShow(): void }) {
  const { t } = useTranslation('form');
  const line = useRef<HTMLParagraphElement>(null);
  const shown = count >= 2;
  // On a phone with the keyboard up the description's foot sits on the sticky send bar: the line appearing
  // there is lifted into view, once as it appears.
  useLayoutEffect(() => {
    const element = line.current;
    if (shown && element !== null) liftAboveBar(element, element.closest('form')?.querySelector('.us-submit-bar'));
  }, [shown]);
  if (!shown) return null;
  return (
    <p className="us-field__problems" ref={line}>
      {t('oneProblem.pointer', { count })}{' '}
      <Button variant="ghost" onClick={onShow}>
        {t('oneProblem.pointerShow')}
      </Button>
    </p>
  );
}

/** The check's panel; renders nothing (but keeps the live region) while the text is one problem. */
export function OneProblemCheck({
  parts,
  markers = [],
  confirmed,
  panelRef,
  splitFailed = false,
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
  /** The last «Разделить» could not load the split view (offline, a blocked file): said beside the button. */
  splitFailed?: boolean;
  onSplit(): void;
  onConfirm(): void;
  onUndo(): void;
}) {
  const { t } = useTranslation('form');
  const several = parts.length > 1;
  const failedId = useId();
  const titleId = useId();
  // «Это одна проблема» takes its own button away: focus goes to the confirmation's undo, not to the page.
  const undoRef = useRef<HTMLButtonElement>(null);
  const confirming = useRef(false);
  useEffect(() => {
    if (!confirmed || !confirming.current) return;
    confirming.current = false;
    undoRef.current?.focus();
  }, [confirmed]);
  return (
    <div className="us-one-problem">
      {/* The verdict in a sentence is what is announced, not the whole panel with its parts and buttons. */}
      <p className="us-visually-hidden" role="status">
        {several ? (confirmed ? t('oneProblem.confirmed') : t('oneProblem.pointer', { count: parts.length })) : null}
      </p>
      {several && confirmed ? (
        <p className="us-one-problem__confirmed">
          {t('oneProblem.confirmed')}{' '}
          <Button ref={undoRef} variant="ghost" onClick={onUndo}>
            {t('oneProblem.undo')}
          </Button>
        </p>
      ) : null}
      {several && !confirmed ? (
        // Focused by «Разделить или подтвердить» and by a send refused for it: read by its title, as a group.
        <div ref={panelRef} tabIndex={-1} className="us-one-problem__panel" role="group" aria-labelledby={titleId}>
          <Notice tone="warning" title={<span id={titleId}>{t('oneProblem.title')}</span>}>
            <p className="us-notice__text">{t('oneProblem.found', { count: parts.length })}</p>
            <ol className="us-one-problem__parts">
              {parts.map((part, index) => (
                <li key={index}>{preview(part)}</li>
              ))}
            </ol>
            {markers.length > 0 ? (
              <p className="us-notice__text us-one-problem__markers">
                {t('oneProblem.markers', { count: markers.length, markers: markers.map((marker) => t('oneProblem.marker', { marker })).join(', ') })}
              </p>
            ) : null}
            <p className="us-notice__text">{t('oneProblem.why')}</p>
            <div className="us-actions">
              <Button variant="primary" aria-describedby={failedId} onClick={onSplit}>
                {t('oneProblem.split', { count: parts.length })}
              </Button>
              <Button
                onClick={() => {
                  confirming.current = true;
                  onConfirm();
                }}
              >
                {t('oneProblem.confirm')}
              </Button>
            </div>
            {/* Kept while the panel shows, so the message is announced when it comes; the button stays for a retry. */}
            <p className="us-field__error us-one-problem__failed" id={failedId} role="status">
              {splitFailed ? t('oneProblem.splitFailed') : null}
            </p>
          </Notice>
        </div>
      ) : null}
    </div>
  );
}
