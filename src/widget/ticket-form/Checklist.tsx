/** «Что поможет решить быстрее»: what support needs for the chosen category, ticked live (the count is in the submit bar). */
import { useId } from 'react';
import { useTranslation } from '../shared/i18n-react';
import { Heading } from '../shared/ui';
import type { Category } from '../../core';
import type { ChecklistItem } from './checklist';

/**
 * The checklist panel; items come from {@link checklistItems}. The one-problem decision, while it waits, is a
 * button to the check's panel (far below on a phone), where the two ways on are. An item may be worded per
 * category (`checklist.item.description_suggestion`), as the fields' labels are.
 */
export function Checklist({ items, category, onShowProblems }: { items: readonly ChecklistItem[]; category: Category; onShowProblems(): void }) {
  const { t } = useTranslation('form');
  const titleId = useId();
  return (
    <section className="us-checklist" aria-labelledby={titleId}>
      <Heading depth={2} className="us-section-title" id={titleId}>
        {t('checklist.title')}
      </Heading>
      <p className="us-checklist__why">{t('checklist.why')}</p>
      <ul className="us-checklist__items">
        {items.map((item) => {
          // The decision, once made, says so rather than what is still to do.
          const label = t(item.key === 'oneProblem' && item.done ? 'checklist.item.oneProblemDone' : [`checklist.item.${item.key}_${category}`, `checklist.item.${item.key}`]);
          return (
            <li key={item.key} className="us-checklist__item" data-done={item.done || undefined} data-required={item.required || undefined}>
              <span className="us-checklist__mark" aria-hidden="true" />
              {item.key === 'oneProblem' && !item.done ? (
                <button type="button" className="us-checklist__label us-checklist__go" onClick={onShowProblems}>
                  {label}
                </button>
              ) : (
                <span className="us-checklist__label">{label}</span>
              )}{' '}
              <span className="us-checklist__kind">({t(item.required ? 'checklist.required' : 'checklist.recommended')})</span>
              <span className="us-visually-hidden">{t(item.done ? 'checklist.done' : 'checklist.todo')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
