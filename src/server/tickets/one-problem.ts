/** The server's side of «одна заявка — одна проблема»: the same check as the widget, enforced on create. */
import { checkOneProblem } from '../../core';
import type { OneProblemCheckRecord, TicketDraft } from '../../core';
import { ApiFailure } from '../errors';

/** The columns a create stores about the check. */
export interface OneProblemColumns {
  one_problem_parts: number | null;
  one_problem_markers: string | null;
}

/**
 * Refuses a description with several problems unless the user confirmed it is one (422 `several_problems`
 * with the parts, so any client can offer to split); a confirmed ticket keeps what the check found.
 */
export function enforceOneProblem(draft: TicketDraft): OneProblemColumns {
  const check = checkOneProblem(draft.description);
  if (draft.oneProblemConfirmed === true) {
    return { one_problem_parts: Math.max(1, check.parts.length), one_problem_markers: JSON.stringify(check.markers) };
  }
  if (check.parts.length > 1) {
    throw new ApiFailure(
      422,
      'several_problems',
      `В описании, похоже, ${check.parts.length} разные проблемы. Разделите его на отдельные обращения или подтвердите, что проблема одна (oneProblemConfirmed).`,
      undefined,
      {},
      { parts: check.parts, markers: check.markers },
    );
  }
  return { one_problem_parts: null, one_problem_markers: null };
}

/** The stored check of a ticket, if the user confirmed one problem. */
export function oneProblemRecord(row: OneProblemColumns): OneProblemCheckRecord | undefined {
  if (row.one_problem_parts === null) return undefined;
  const markers: unknown = JSON.parse(row.one_problem_markers ?? '[]');
  return { parts: row.one_problem_parts, markers: Array.isArray(markers) ? markers.filter((m) => typeof m === 'string') : [] };
}
