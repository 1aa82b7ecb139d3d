/** The server's side of «одна заявка — одна проблема»: the same check as the widget, enforced on create. */
import { severalProblemsMessage } from '../../core';
import type { OneProblemCheckRecord, OneProblemVerdict } from '../../core';
import { ApiFailure } from '../errors';

/** The columns a create stores about the check. */
export interface OneProblemColumns {
  one_problem_parts: number | null;
  one_problem_markers: string | null;
}

/**
 * The check's verdict (computed by the caller, outside any transaction: it is the costliest step of a create).
 * Refuses a description with several problems unless the user confirmed it is one (422 `several_problems`
 * with the parts, so any client can offer to split); a confirmed ticket keeps what the check found.
 */
export function enforceOneProblem(verdict: OneProblemVerdict): OneProblemColumns {
  switch (verdict.kind) {
    case 'refuse': {
      const { parts, markers } = verdict.check;
      const sentence = {
        ru: severalProblemsMessage(parts.length),
        en: `The description seems to hold several different problems (${parts.length}). Split it into separate tickets or confirm it is one problem (oneProblemConfirmed).`,
      };
      throw new ApiFailure(422, 'several_problems', sentence, undefined, {}, { parts, markers });
    }
    case 'record':
      return { one_problem_parts: verdict.parts, one_problem_markers: JSON.stringify(verdict.markers) };
    case 'accept':
      return { one_problem_parts: null, one_problem_markers: null };
    default:
      return verdict satisfies never;
  }
}

/** The stored check of a ticket, if the user confirmed one problem. */
export function oneProblemRecord(row: OneProblemColumns): OneProblemCheckRecord | undefined {
  if (row.one_problem_parts === null) return undefined;
  const markers: unknown = JSON.parse(row.one_problem_markers ?? '[]');
  return { parts: row.one_problem_parts, markers: Array.isArray(markers) ? markers.filter((m) => typeof m === 'string') : [] };
}
