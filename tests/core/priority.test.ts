import { describe, expect, it } from 'vitest';
import { fromMoscow, moscowParts } from '../../src/core/calendar';
import { CATEGORIES, IMPACTS } from '../../src/core/categories';
import type { Category, Impact, Priority } from '../../src/core/categories';
import {
  DEFAULT_RESOLUTION_TARGETS,
  priorityFor,
  resolveDeadline,
  resolveDeadlineInfo,
} from '../../src/core/priority';

const BY_IMPACT: Record<Impact, Priority> = { blocks_everyone: 'high', blocks_me: 'normal', minor: 'low' };
const cases = CATEGORIES.flatMap((category) =>
  IMPACTS.map((impact): [Category, Impact, Priority] => [
    category,
    impact,
    category === 'suggestion' ? 'low' : BY_IMPACT[impact],
  ]),
);

describe('priorityFor', () => {
  it('covers every category × impact', () => {
    expect(cases).toHaveLength(CATEGORIES.length * IMPACTS.length);
  });

  it.each(cases)('%s + %s → %s', (category, impact, priority) => {
    expect(priorityFor(category, impact)).toBe(priority);
  });
});

const msk = (text: string): Date => {
  const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
  return fromMoscow(y, mo, d, h, mi);
};
const fmt = (at: Date): string => {
  const p = moscowParts(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
};

describe('resolveDeadline', () => {
  it('has the documented default targets in working minutes', () => {
    expect(DEFAULT_RESOLUTION_TARGETS).toEqual({ high: 240, normal: 1080, low: 2700 });
  });

  it.each([
    // Tuesday 2025-07-08 10:00
    ['2025-07-08 10:00', 'high', '2025-07-08 14:00'],
    ['2025-07-08 10:00', 'normal', '2025-07-10 10:00'],
    ['2025-07-08 10:00', 'low', '2025-07-15 10:00'],
    // Friday afternoon rolls over the weekend
    ['2025-07-11 15:00', 'high', '2025-07-14 10:00'],
    // Saturday: the clock starts on Monday 08:00
    ['2025-07-12 11:00', 'high', '2025-07-14 12:00'],
    // short day before the May 1–4 break
    ['2025-04-30 14:00', 'high', '2025-05-05 10:00'],
    // New Year break
    ['2025-12-29 09:00', 'normal', '2026-01-12 09:00'],
  ] as const)('%s %s → %s', (received, priority, due) => {
    expect(fmt(resolveDeadline(msk(received), priority))).toBe(due);
  });

  it('accepts custom targets', () => {
    const targets = { high: 60, normal: 120, low: 540 };
    expect(fmt(resolveDeadline(fromMoscow(2025, 7, 8, 10, 0), 'low', targets))).toBe('2025-07-09 10:00');
  });

  it('flags deadlines that rely on the fallback calendar', () => {
    expect(resolveDeadlineInfo(fromMoscow(2026, 12, 28, 10, 0), 'low').provisional).toBe(true);
    expect(resolveDeadlineInfo(fromMoscow(2026, 12, 28, 10, 0), 'high').provisional).toBe(false);
  });
});
