/** The error summary's lines: every shown field's error in form order, plus the one-problem refusal. */
import { get, useFormContext, useFormState } from 'react-hook-form';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from '../shared/i18n-react';
import type { Category } from '../../core';
import { errorText, ownErrorKey, SERVER_ERROR_TYPE } from './field-errors';
import { FIELD_ORDER, isFieldActive } from './form-values';
import type { TicketFormValues } from './form-values';
import type { SummaryEntry } from './ErrorSummary';
import { DRAFT_ROOT_ERROR } from './resolver';

/** Lines for {@link ErrorSummary}; errors of hidden category fields are left out (they are not sent). */
export function useSummaryEntries({ category, guest, oneProblemRefused, focusOneProblem }: {
  category: Category | '';
  guest: boolean;
  oneProblemRefused: boolean;
  focusOneProblem(): void;
}): SummaryEntry[] {
  const { t, i18n } = useTranslation('form');
  const { setFocus } = useFormContext<TicketFormValues>();
  const { errors } = useFormState<TicketFormValues>();
  const entries: SummaryEntry[] = FIELD_ORDER.filter((path) => isFieldActive(path, category, guest)).flatMap((path) => {
    const error = get(errors, path) as FieldError | undefined;
    if (error === undefined) return [];
    const text = errorText(t, path, error);
    const focus = () => setFocus(path);
    // A field's own sentence says what it needs («Укажите ссылку на курс»): its label before it would say it
    // twice. A generic one («Слишком длинный текст…») or the server's gets the label.
    if (error.type !== SERVER_ERROR_TYPE && i18n.exists(ownErrorKey(path, error))) return [{ key: path, text, focus }];
    // «Насколько это мешает работе?» ends in its own mark: no colon after it.
    const label = t(`field.${path}`);
    return [{ key: path, text: `${label}${/[?!.:]$/u.test(label) ? '' : ':'} ${text}`, focus }];
  });
  if (get(errors, DRAFT_ROOT_ERROR) !== undefined) entries.push({ key: 'draft', text: t('summary.draft') });
  if (oneProblemRefused) entries.push({ key: 'oneProblem', text: t('summary.oneProblem'), focus: focusOneProblem });
  return entries;
}
