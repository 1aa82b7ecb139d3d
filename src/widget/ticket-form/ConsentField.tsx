/**
 * A guest's consent to the processing of personal data (152-ФЗ): a required checkbox, what the data is for and,
 * when the host gave `privacyPolicyUrl`, a link to the operator's policy in a new tab. Signed-in users never see
 * it: the LMS's own agreement covers them.
 */
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import { useWidgetEnv } from '../shared/env';
import { useFieldErrorText } from './field-errors';
import type { TicketFormValues } from './form-values';

/** The checkbox with its purpose, the policy link and the error, tied to the box by aria-describedby. */
export function ConsentField() {
  const { t } = useTranslation('form');
  const { privacyPolicyUrl } = useWidgetEnv();
  const { register } = useFormContext<TicketFormValues>();
  const error = useFieldErrorText('consent');
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="us-check us-consent" data-invalid={error === undefined ? undefined : true}>
      <label className="us-check__label">
        <input
          type="checkbox"
          aria-required="true"
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? hintId : `${hintId} ${errorId}`}
          {...register('consent')}
        />
        <span>{t('consent.label')}</span>
      </label>
      <p className="us-field__hint" id={hintId}>
        {t('consent.purpose')}
        {privacyPolicyUrl === undefined ? null : (
          <>
            {' '}
            <a href={privacyPolicyUrl} target="_blank" rel="noopener noreferrer">
              {t('consent.policy')} <span className="us-visually-hidden">{t('consent.newTab')}</span>
            </a>
          </>
        )}
      </p>
      {error === undefined ? null : (
        <div className="us-field__error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}
