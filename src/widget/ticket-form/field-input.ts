/** How each kind of field of the table is typed in: the control, the on-screen keyboard and autocomplete. */
import type { InputHTMLAttributes } from 'react';
import { completeUrl, formatPhone } from '../../core';
import type { FieldKind, TicketFieldSpec } from '../../core';

/** The input attributes of a kind. */
export interface FieldInput {
  multiline: boolean;
  type: 'text' | 'url' | 'date' | 'tel' | 'email';
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  /** Links and titles of this LMS are not the browser's to suggest (a contact row names its own token). */
  autoComplete: string;
  /** A choice from a list (the role), shown as a select. */
  select?: boolean;
  /**
   * The value as it should read once the field is left: a phone in its usual spelling, an address typed without
   * its scheme completed to a link.
   */
  tidy?: (value: string) => string;
  /** A link the LMS's page shapes can tell apart (a course, an order, a document): another kind gets a warning. */
  link?: FieldKind;
}

/** The limit a text field's counter shows (plain and multiline text; other kinds have their own check). */
export function textLimit(spec: Pick<TicketFieldSpec, 'kind' | 'maxLength'>): number | undefined {
  return spec.kind === 'text' || spec.kind === 'multiline' ? spec.maxLength : undefined;
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
      return { multiline: false, type: 'url', inputMode: 'url', autoComplete: 'off', tidy: completeUrl, link: kind };
    case 'siteUrl':
      return { multiline: false, type: 'url', inputMode: 'url', autoComplete: 'url', tidy: completeUrl };
    case 'date':
      return { multiline: false, type: 'date', autoComplete: 'off' };
    case 'phone':
      return { multiline: false, type: 'tel', inputMode: 'tel', autoComplete: 'tel', tidy: formatPhone };
    case 'email':
      return { multiline: false, type: 'email', inputMode: 'email', autoComplete: 'email' };
    case 'role':
      return { multiline: false, type: 'text', autoComplete: 'off', select: true };
    default:
      return kind satisfies never;
  }
}
