import { addWorkingMinutesInfo } from './calendar';
import type { CalendarResult } from './calendar';
import type { Category, Impact, Priority } from './categories';

/**
 * Priority by category and impact (docs/architecture.md). Impact decides — blocks everyone → high, blocks me → normal,
 * minor → low — except a suggestion, which is always low: it asks for a change, nothing is broken.
 * A full table rather than rules, so adding a category fails to compile until someone decides its row.
 */
export const PRIORITY_TABLE: Readonly<Record<Category, Readonly<Record<Impact, Priority>>>> = {
  course: { blocks_everyone: 'high', blocks_me: 'normal', minor: 'low' },
  test: { blocks_everyone: 'high', blocks_me: 'normal', minor: 'low' },
  order: { blocks_everyone: 'high', blocks_me: 'normal', minor: 'low' },
  document: { blocks_everyone: 'high', blocks_me: 'normal', minor: 'low' },
  technical: { blocks_everyone: 'high', blocks_me: 'normal', minor: 'low' },
  suggestion: { blocks_everyone: 'low', blocks_me: 'low', minor: 'low' },
  other: { blocks_everyone: 'high', blocks_me: 'normal', minor: 'low' },
};

/** The priority a new ticket gets. */
export function priorityFor(category: Category, impact: Impact): Priority {
  return PRIORITY_TABLE[category][impact];
}

/**
 * Resolution targets in working minutes (a working day is 9 h = 540 min). The policy promises only the
 * 60-minute review, so these are our defaults, overridable by the server: high — 4 working hours (same
 * day when reported in the morning), normal — 2 working days, low — 5 working days (a working week).
 */
export const DEFAULT_RESOLUTION_TARGETS: Readonly<Record<Priority, number>> = {
  high: 4 * 60,
  normal: 2 * 9 * 60,
  low: 5 * 9 * 60,
};

/** When a ticket of this priority should be resolved: received + its target in working minutes. */
export function resolveDeadline(
  receivedAt: Date,
  priority: Priority,
  targets: Readonly<Record<Priority, number>> = DEFAULT_RESOLUTION_TARGETS,
): Date {
  return resolveDeadlineInfo(receivedAt, priority, targets).value;
}

/** `resolveDeadline` plus whether it relied on a year without a decree table. */
export function resolveDeadlineInfo(
  receivedAt: Date,
  priority: Priority,
  targets: Readonly<Record<Priority, number>> = DEFAULT_RESOLUTION_TARGETS,
): CalendarResult {
  return addWorkingMinutesInfo(receivedAt, targets[priority]);
}
