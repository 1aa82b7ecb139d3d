/** Shown right after sending: the number, priority, review deadline and resolution target. */
import { useId, useRef, useState } from 'react';
import type { Ref, RefObject } from 'react';
import { useTranslation } from '../shared/i18n-react';
import type { Ticket } from '../../core';
import { Button, Heading } from '../shared/ui';
import { useWhen } from './use-when';
import { unbroken } from './unbroken';

/** The registration notice; a guest also gets the access key once, with advice to keep it. */
export function Confirmation({
  ticket,
  ticketAccessKey,
  guest,
  timeZone,
  focusRef,
}: {
  ticket: Ticket;
  ticketAccessKey?: string | undefined;
  guest: boolean;
  timeZone?: string | undefined;
  focusRef?: Ref<HTMLDivElement>;
}) {
  const { t } = useTranslation('timeline');
  const when = useWhen(timeZone);
  const provisional = ticket.deadlinesProvisional;
  const codeRef = useRef<HTMLElement>(null);
  const titleId = useId();
  return (
    <div className="us-confirmation" ref={focusRef} tabIndex={-1} role="group" aria-labelledby={titleId}>
      <Heading depth={2} className="us-confirmation__title" id={titleId}>
        {t('confirm.title')}
      </Heading>
      <p>{unbroken(t('confirm.number', { number: ticket.number }), [ticket.number])}</p>
      <p>{t('confirm.priority', { priority: t(`common:priority.${ticket.priority}`).toLocaleLowerCase() })}</p>
      <p>{t('confirm.review', { when: when(ticket.reviewDueAt, { provisional }) })}</p>
      <p>{t('confirm.resolve', { when: when(ticket.resolveDueAt, { provisional }) })}</p>
      {guest && ticketAccessKey !== undefined && ticketAccessKey !== '' ? (
        <div className="us-confirmation__key">
          <p>
            {t('confirm.accessKey')}{' '}
            <code className="us-confirmation__code" ref={codeRef}>
              {ticketAccessKey}
            </code>
          </p>
          <CopyKey value={ticketAccessKey} codeRef={codeRef} />
          <p>{t('confirm.accessKeyAdvice')}</p>
        </div>
      ) : null}
    </div>
  );
}

/**
 * «Скопировать ключ», and what came of it in a live region: «Скопировано», or — where the page may not write to
 * the clipboard (an http page, a refused permission) — the key selected, with the keys to press.
 */
function CopyKey({ value, codeRef }: { value: string; codeRef: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('timeline');
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    // Cleared first, so a second copy is announced again.
    setResult(null);
    try {
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch {
      const code = codeRef.current;
      if (code !== null) code.ownerDocument.getSelection()?.selectAllChildren(code);
      setResult('failed');
    }
  };
  return (
    <p className="us-confirmation__copy">
      <Button onClick={() => void copy()}>{t('confirm.copyKey')}</Button>
      <span className="us-confirmation__copied" aria-live="polite">
        {result === null ? '' : t(result === 'copied' ? 'confirm.copied' : 'confirm.copyFailed')}
      </span>
    </p>
  );
}
