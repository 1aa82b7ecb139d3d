/**
 * What each part of a split description has of its own. The form checks only the rest before it splits: each part
 * asks for its own in the split view.
 */
import { categoryFieldNames, fieldSpec } from '../../core';
import type { Category, TicketFieldName } from '../../core';
import type { FormFieldPath } from './form-values';

/**
 * The fields a part edits itself: in a category of its own all of that category's fields; in the form's category
 * those that tell one problem (the steps that lead to it, the test's question), which the form's single value
 * would otherwise give every part. Links and titles stay shared.
 */
export function partFieldNames(category: Category, formCategory: Category): TicketFieldName[] {
  const names = categoryFieldNames(category);
  return category === formCategory ? names.filter((name) => fieldSpec(name).kind === 'multiline') : names;
}

/**
 * The form's fields a split does not need filled: each part has its own subject, text and impact, and the fields of
 * {@link partFieldNames} in the form's category (the steps, the test's question).
 */
export function splitOwnFields(category: Category | ''): FormFieldPath[] {
  return ['subject', 'description', 'impact', ...(category === '' ? [] : partFieldNames(category, category))];
}
