/**
 * A soft warning under a link field whose link looks like another kind (an order page as the course link, a search
 * page as the order link). It never blocks sending, is announced politely, and judges the link once the field is
 * left (not while it is typed): until then it keeps what it said of the last link left there.
 */
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { httpOrigin, linkMismatch } from '../../core';
import type { FieldKind } from '../../core';
import { useWidgetEnv } from '../shared/env';
import { useTranslation } from '../shared/i18n-react';
import type { FormFieldPath, TicketFormValues } from './form-values';

/** The warning of link field `name` (of `kind`), with `id` for the field's aria-describedby; `editing` while focused. */
export function LinkWarning({ id, name, kind, editing }: { id: string; name: FormFieldPath; kind: FieldKind; editing: boolean }) {
  const { t } = useTranslation('form');
  const env = useWidgetEnv();
  const [value, guestLms] = useWatch<TicketFormValues>({ name: [name, 'contact.lmsUrl'] }) as [string, string];
  const [judged, setJudged] = useState(value);
  if (!editing && judged !== value) setJudged(value);
  // The LMS the user is known to use: there, a page of no link kind is surely not the link asked for.
  const origins = [env.host?.lmsUrl, env.host === null ? guestLms : undefined, env.pageUrl].map(httpOrigin).filter((origin) => origin !== null);
  const mismatch = linkMismatch(kind, judged, origins);
  return (
    // Always there (empty without a warning): the field's aria-describedby names it, and the region announces.
    <p className="us-field__warning" id={id} aria-live="polite">
      {mismatch === null ? null : `${t(`linkWarning.${name}`, { found: t(`linkWarning.found.${mismatch.found}`) })} ${t('linkWarning.keep')}`}
    </p>
  );
}
