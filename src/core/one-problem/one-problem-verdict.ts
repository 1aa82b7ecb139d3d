import { checkOneProblem, type OneProblemCheck } from './check-one-problem';

/** What a registering server does with a description under «одна заявка — одна проблема». */
export type OneProblemVerdict =
  /** Several problems and no confirmation: refuse with the parts, so the client can offer to split. */
  | { kind: 'refuse'; check: OneProblemCheck }
  /** The user confirmed one problem: register, keeping how many problems the check found and why. */
  | { kind: 'record'; parts: number; markers: string[] }
  /** One problem: register. */
  | { kind: 'accept' };

/** The server's rule on create, shared by the reference server and the stories' in-memory API. */
export function oneProblemVerdict(description: string, confirmed: boolean | undefined): OneProblemVerdict {
  const check = checkOneProblem(description);
  if (confirmed === true) return { kind: 'record', parts: Math.max(1, check.parts.length), markers: check.markers };
  return check.parts.length > 1 ? { kind: 'refuse', check } : { kind: 'accept' };
}

/** The Russian message of a refusal, one wording for every server. */
export function severalProblemsMessage(count: number): string {
  return `В описании, похоже, несколько разных проблем (${count}). Разделите его на отдельные обращения или подтвердите, что проблема одна (oneProblemConfirmed).`;
}
