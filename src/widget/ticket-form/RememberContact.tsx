/**
 * «Запомнить на этом устройстве» beside a guest's contact (off by default): when ticked, the contact rows are kept
 * in this browser as they are typed and fill the next ticket; unticked, or with «Забыть», they are removed. The
 * consent is never kept: it is asked every time.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { CONTACT_FIELD_NAMES } from '../../core';
import { useTranslation } from '../shared/i18n-react';
import { Button } from '../shared/ui';
import type { ContactValues, TicketFormValues } from './form-values';
import type { ContactMemory } from './remembered-contact';

const sameContact = (a: ContactValues, b: ContactValues) => CONTACT_FIELD_NAMES.every((name) => a[name] === b[name]);

/** The box, what keeping means, and «Забыть» while something is kept. */
export function RememberContact({ memory }: { memory: ContactMemory }) {
  const { t } = useTranslation('form');
  const { getValues, setValue } = useFormContext<TicketFormValues>();
  const contact = useWatch<TicketFormValues, 'contact'>({ name: 'contact' });
  const hintId = useId();
  const box = useRef<HTMLInputElement>(null);
  const [forgotten, setForgotten] = useState(false);
  const on = memory.contact !== null;
  const { remember } = memory;
  // Kept as typed: what is on the screen is what the next ticket starts with.
  useEffect(() => {
    if (memory.contact !== null && !sameContact(contact, memory.contact)) remember({ ...contact });
  }, [contact, memory.contact, remember]);
  const forget = () => {
    remember(null);
    for (const name of CONTACT_FIELD_NAMES) setValue(`contact.${name}`, '', { shouldDirty: true });
    setForgotten(true);
    box.current?.focus();
  };
  return (
    <div className="us-check us-remember">
      <label className="us-check__label">
        <input
          ref={box}
          type="checkbox"
          checked={on}
          aria-describedby={hintId}
          onChange={(event) => {
            setForgotten(false);
            remember(event.target.checked ? { ...getValues('contact') } : null);
          }}
        />
        <span>{t('remember.label')}</span>
      </label>
      <p className="us-field__hint" id={hintId}>
        {t('remember.hint')}
      </p>
      {on ? (
        <Button variant="ghost" onClick={forget}>
          {t('remember.forget')}
        </Button>
      ) : null}
      <p className="us-visually-hidden" role="status">
        {forgotten ? t('remember.forgotten') : ''}
      </p>
    </div>
  );
}
