/**
 * The first screen of the form: what the request is about, as seven large options with a line on what
 * belongs there and which link will be asked. The page's own course or order comes first. Options are
 * buttons, not radios: choosing moves on to the fields, which arrow keys in a radio group must never do.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { CATEGORIES } from '../../core';
import type { Category } from '../../core';
import { Heading } from '../shared/ui';
import type { PageSuggestion } from './initial-values';

/** The categories in the order shown: the page's suggestion first. */
export function pickerOrder(suggestion: PageSuggestion | null): Category[] {
  if (suggestion === null) return [...CATEGORIES];
  return [suggestion.category, ...CATEGORIES.filter((category) => category !== suggestion.category)];
}

/** The category options; `current` is the chosen one when the user came back to change it. */
export function CategoryPicker({
  current,
  suggestion,
  focusOnShow,
  waiting = [],
  onChoose,
}: {
  current: Category | '';
  suggestion: PageSuggestion | null;
  /** Moves focus to the question (when the user asked to change the category). */
  focusOnShow: boolean;
  /** Files pasted or dropped before the choice, attached once it is made. */
  waiting?: readonly string[] | undefined;
  onChoose(category: Category): void;
}) {
  const { t } = useTranslation('form');
  const id = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) titleRef.current?.focus();
  }, [focusOnShow]);
  return (
    <section className="us-picker" aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`}>
      <Heading depth={2} className="us-picker__title" id={`${id}-title`} ref={titleRef} tabIndex={-1}>
        {t('field.category')}
      </Heading>
      <p className="us-picker__hint" id={`${id}-hint`}>
        {t('categoryHint')}
      </p>
      {/* Always rendered: a live region announces what appears in it. */}
      <p className="us-picker__waiting" role="status">
        {waiting.length === 0 ? null : t(`waitingFiles.${waiting.length === 1 ? 'one' : 'many'}`, { names: waiting.join(t('waitingFiles.between')) })}
      </p>
      <ul className="us-picker__options">
        {pickerOrder(suggestion).map((category) => {
          const suggested = suggestion?.category === category;
          return (
            <li key={category}>
              <button
                type="button"
                className="us-picker__option"
                data-suggested={suggested || undefined}
                aria-current={category === current ? 'true' : undefined}
                aria-labelledby={`${id}-${category}`}
                aria-describedby={`${id}-${category}-about`}
                onClick={() => onChoose(category)}
              >
                <span className="us-picker__label" id={`${id}-${category}`}>
                  {t(`common:category.${category}`)}
                </span>
                <span className="us-picker__about" id={`${id}-${category}-about`}>
                  {suggested && suggestion !== null ? (
                    <>
                      <span className="us-picker__tag">{t(`suggestion.${suggestion.kind}`)}</span>{' '}
                    </>
                  ) : null}
                  {t(`categoryAbout.${category}`)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
