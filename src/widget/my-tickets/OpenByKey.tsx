/**
 * «Открыть по номеру и ключу»: a guest opens a ticket sent from another device (or forgotten here) with the number
 * and access key from its confirmation. The pair is checked by reading the ticket with that key; a wrong pair is
 * one message that does not say which half is wrong (the server answers both alike). A ticket opened is remembered.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys, useSupportApi } from '../../api';
import { failureMessage } from '../shared/failure-message';
import { useTranslation } from '../shared/i18n-react';
import { Button, Field, Heading, Notice } from '../shared/ui';
import { useAnnouncer } from '../shared/use-announcer';
import { checkOpenByKey, tidyAccessKey, tidyTicketNumber } from './open-by-key';
import { guestTicketKey } from './read-guest-tickets';
import type { OpenByKeyErrors } from './open-by-key';
import { useGuestTickets } from './use-guest-tickets';

/** Props of {@link OpenByKey}. */
export interface OpenByKeyProps {
  /** The ticket was read with the key (and is remembered now): show it. */
  onOpened(ticketId: string): void;
  /** A number to start with (a link named it). */
  initialNumber?: string;
  /** Folded behind its title, a button (under a list of tickets); open otherwise. */
  collapsible?: boolean;
  /**
   * Its title's levels below the widget's title (which follows the host's `headingLevel`): 2 under the list's
   * heading, 1 where it is the screen's main part.
   */
  depth?: 1 | 2;
  /** Focus the key field when the form first shows (the number is given already). */
  focusKey?: boolean;
}

/** The form. */
export function OpenByKey({ onOpened, initialNumber = '', collapsible = false, depth = 2, focusKey = false }: OpenByKeyProps) {
  const { t } = useTranslation('tickets');
  const api = useSupportApi();
  const client = useQueryClient();
  const { remember } = useGuestTickets();
  const [expanded, setExpanded] = useState(!collapsible);
  const [number, setNumber] = useState(initialNumber);
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<OpenByKeyErrors>({});
  // After the first try, each field is checked again when it is left, so a fixed mistake stops being shown.
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const pending = useRef<AbortController | null>(null);
  const headingId = useId();
  const regionId = useId();
  // A field's error is read with the field when the focus moves to it; a field that had the focus already (Enter
  // pressed in it) is not read again, so its error is said here.
  const [announcement, announce] = useAnnouncer();

  useEffect(() => () => pending.current?.abort(), []);
  // A wrong pair is said under the button: brought into view (the focus stays in the field), not left below the fold.
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure !== null) failureRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [failure]);
  useEffect(() => {
    if (focusKey) keyRef.current?.focus();
  }, [focusKey]);

  const recheck = (nextNumber: string, nextKey: string) => {
    if (tried) setErrors(checkOpenByKey(tidyTicketNumber(nextNumber), tidyAccessKey(nextKey)));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const tidyNumber = tidyTicketNumber(number);
    const tidyKey = tidyAccessKey(key);
    setNumber(tidyNumber);
    setKey(tidyKey);
    const found = checkOpenByKey(tidyNumber, tidyKey);
    setErrors(found);
    setTried(true);
    setFailure(null);
    const wrong = found.number !== undefined ? { field: numberRef.current, text: t(`openByKey.${found.number}`) } : found.key !== undefined ? { field: keyRef.current, text: t(`openByKey.${found.key}`) } : null;
    if (wrong !== null) {
      if (wrong.field?.matches(':focus') === true) announce(wrong.text);
      return wrong.field?.focus();
    }
    const keyed = api.withAccessKey?.(tidyKey);
    if (keyed === undefined) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    const result = await keyed.getTicket(tidyNumber, controller.signal);
    if (controller.signal.aborted) return;
    setBusy(false);
    if (result.ok) {
      const ticket = result.value;
      remember({ id: ticket.id, number: ticket.number, key: tidyKey });
      client.setQueryData(queryKeys.ticket(ticket.id), ticket);
      // A line that failed with an older key of the same ticket is read again with this one.
      void client.invalidateQueries({ queryKey: guestTicketKey(ticket.id) });
      onOpened(ticket.id);
      return;
    }
    const { error } = result;
    // Unknown number and wrong key are the same 404 from the server, and the same sentence here.
    const wrongPair = error.kind === 'http' && (error.status === 404 || error.status === 401);
    setFailure(wrongPair ? t('openByKey.wrongPair') : failureMessage(t, error));
  };

  return (
    <section className="us-open-key" aria-labelledby={headingId}>
      <Heading depth={depth} className="us-open-key__title" id={headingId}>
        {collapsible ? (
          <button type="button" className="us-open-key__toggle" aria-expanded={expanded} aria-controls={regionId} onClick={() => setExpanded((open) => !open)}>
            {t('openByKey.title')}
          </button>
        ) : (
          t('openByKey.title')
        )}
      </Heading>
      {/* Unfolded for good once there is no list to fold it under (its last ticket forgotten). */}
      <div id={regionId} className="us-open-key__body" hidden={collapsible && !expanded}>
        <p className="us-open-key__intro">{t('openByKey.intro')}</p>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <Field label={t('openByKey.number')} hint={t('openByKey.numberHint')} error={errors.number === undefined ? undefined : t(`openByKey.${errors.number}`)} required>
            {(control) => (
              <input
                {...control}
                ref={numberRef}
                name="ticket-number"
                value={number}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                onChange={(event) => setNumber(event.target.value)}
                onBlur={() => recheck(number, key)}
              />
            )}
          </Field>
          <Field label={t('openByKey.key')} hint={t('openByKey.keyHint')} error={errors.key === undefined ? undefined : t(`openByKey.${errors.key}`)} required>
            {(control) => (
              <input
                {...control}
                ref={keyRef}
                name="access-key"
                value={key}
                autoComplete="off"
                autoCapitalize="off"
                autoCorrect="off"
                spellCheck={false}
                onChange={(event) => setKey(event.target.value)}
                onBlur={() => recheck(number, key)}
              />
            )}
          </Field>
          {failure === null ? null : (
            <div ref={failureRef}>
              <Notice tone="error" live>
                <p>{failure}</p>
              </Notice>
            </div>
          )}
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t('openByKey.opening') : t('openByKey.submit')}
          </Button>
          <div className="us-visually-hidden" aria-live="polite" aria-atomic="true">
            {announcement}
          </div>
        </form>
      </div>
    </section>
  );
}
