/** How each kind of field of the table is typed in: the control, the on-screen keyboard and autocomplete. */
import type { InputHTMLAttributes } from 'react';
import type { FieldKind } from '../../core';

/** The input attributes of a kind. */
export interface FieldInput {
  multiline: boolean;
  type: 'text' | 'url' | 'date';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  /** Links and titles of this LMS are not the browser's to suggest. */
  autoComplete: string;
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
    case 'date':
      return { multiline: false, type: 'date', autoComplete: 'off' };
    default:
      return kind satisfies never;
  }
}
