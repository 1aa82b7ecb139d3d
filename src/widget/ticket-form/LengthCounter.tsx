/**
 * A text field's counter: shown from 80 % of its limit, saying how much is left or how much over. Screen readers
 * hear it with the field (it describes it) and, politely, once at each step (80 %, 90 %, over, back within):
 * never at every keystroke. The text is never cut: a paste over the limit stays whole, and the counter says so.
 */
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import type { FormFieldPath, TicketFormValues } from './form-values';
import { countedLength, lengthStep } from './length-counter';
import type { LengthStep } from './length-counter';

/** The counter of `name` against `limit`, with `id` for the field's aria-describedby. */
export function LengthCounter({ id, name, limit }: { id: string; name: FormFieldPath; limit: number }) {
  const { t } = useTranslation('form');
  const value = useWatch<TicketFormValues>({ name });
  const length = countedLength(typeof value === 'string' ? value : '');
  const step = lengthStep(length, limit);
  const sentence = (at: LengthStep) => (at === 'over' ? t('counter.over', { count: length - limit }) : t('counter.left', { count: limit - length, limit }));
  // The announcement changes only when the step does (the count it names is the one at that moment).
  const [announced, setAnnounced] = useState<{ step: LengthStep; text: string }>({ step, text: '' });
  if (announced.step !== step) setAnnounced({ step, text: step === 'under' ? '' : sentence(step) });
  return (
    <>
      {/* Always there (empty far below the limit): the field's aria-describedby names it. */}
      <p className="us-field__counter" id={id} data-over={step === 'over' ? true : undefined}>
        {step === 'under' ? null : t('counter.shown', { length, limit })}
        {step === 'over' ? ` ${sentence(step)}` : null}
      </p>
      {/* There before the counter shows, so what it says at a step is announced. */}
      <p className="us-visually-hidden" aria-live="polite">
        {announced.text}
      </p>
    </>
  );
}
