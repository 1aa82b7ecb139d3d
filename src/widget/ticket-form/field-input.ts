/** How each kind of field of the table is typed in: the control, the on-screen keyboard and autocomplete. */
import type { InputHTMLAttributes } from 'react';
import type { FieldKind } from '../../core';

/** The input attributes of a kind. */
export interface FieldInput {
  multiline: boolean;
  type: 'text' | 'url' | 'date' | 'tel' | 'email';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  /** Links and titles of this LMS are not the browser's to suggest (a contact row names its own token). */
  autoComplete: string;
  /** A choice from a list (the role), shown as a select. */
  select?: boolean;
}

/** The input for a field kind. */
export function fieldInput(kind: FieldKind): FieldInput {
  switch (kind) {
    case 'text':
      return { multiline: false, type: 'text', autoComplete: 'off' };
    case 'multiline':
      return { multiline: true, type: 'text', autoComplete: 'off' };
    case 'courseUrl':
    case 'orderUrl':
    case 'documentUrl':
      return { multiline: false, type: 'url', inputMode: 'url', autoComplete: 'off' };
    case 'siteUrl':
      return { multiline: false, type: 'url', inputMode: 'url', autoComplete: 'url' };
    case 'date':
      return { multiline: false, type: 'date', autoComplete: 'off' };
    case 'phone':
      return { multiline: false, type: 'tel', inputMode: 'tel', autoComplete: 'tel' };
    case 'email':
      return { multiline: false, type: 'email', inputMode: 'email', autoComplete: 'email' };
    case 'role':
      return { multiline: false, type: 'text', autoComplete: 'off', select: true };
    default:
      return kind satisfies never;
  }
}
