import { describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  CATEGORIES,
  contactSchema,
  hostContextSchema,
  isDateAfter,
  latestAcceptedDate,
  localIsoDate,
  newTicketDraftSchema,
  REPORTER_ROLES,
  ticketDraftSchema,
} from '../../src/core';
import type { Category } from '../../src/core';
import { validDrafts } from '../fixtures/drafts';

/** Field paths and message codes of a failed parse, as `path: code`. */
function problems(value: unknown): Record<string, string> {
  const result = ticketDraftSchema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

// What each category requires beyond subject and description.
const required: Record<Category, string[]> = {
  course: ['course'],
  test: ['course', 'testQuestion'],
  order: ['orderUrl'],
  document: ['orderUrl', 'documentUrl'],
  technical: ['steps'],
  suggestion: [],
  other: [],
};

describe('ticket draft per category', () => {
  it.each(CATEGORIES)('accepts a complete %s draft', (category) => {
    expect(problems(validDrafts[category])).toEqual({});
  });

  it.each(CATEGORIES)('%s: refuses each missing required field with "required"', (category) => {
    for (const field of ['subject', 'description', 'impact', ...required[category]]) {
      const draft: Record<string, unknown> = { ...validDrafts[category] };
      delete draft[field];
      const found = problems(draft);
      expect(found[field], `${category} without ${field}`).toBe('required');
    }
  });

  it.each(CATEGORIES)('%s: a blank text is "required", not a valid value', (category) => {
    expect(problems({ ...validDrafts[category], subject: '   ' })).toEqual({ subject: 'required' });
  });

  it('asks for the course title and link separately', () => {
    expect(problems({ ...validDrafts.course, course: { title: '', url: 'не ссылка' } })).toEqual({
      'course.title': 'required',
      'course.url': 'url',
    });
    expect(problems({ ...validDrafts.test, course: { title: 'Курс' } })).toEqual({ 'course.url': 'required' });
  });

  it('accepts only http(s) links', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.ru/x', 'a.ru/orders/1']) {
      expect(problems({ ...validDrafts.order, orderUrl: url })).toEqual({ orderUrl: 'url' });
    }
  });

  it('refuses an unknown category and a missing one', () => {
    expect(ticketDraftSchema.safeParse({ ...validDrafts.other, category: 'spam' }).success).toBe(false);
    const { category: _, ...withoutCategory } = validDrafts.other;
    expect(ticketDraftSchema.safeParse(withoutCategory).success).toBe(false);
  });

  it('drops fields of other categories and unknown keys, trims text', () => {
    const parsed = ticketDraftSchema.parse({
      ...validDrafts.order,
      subject: '  Заявка  ',
      steps: 'not for orders',
      ['__proto__' as string]: { polluted: true },
      extra: 1,
    });
    expect(parsed).not.toHaveProperty('steps');
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed.subject).toBe('Заявка');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('limits lengths and counts', () => {
    expect(problems({ ...validDrafts.other, subject: 'я'.repeat(201) })).toEqual({ subject: 'too_long' });
    expect(problems({ ...validDrafts.other, attachmentIds: Array.from({ length: 11 }, (_, i) => `attachment${i}`) })).toEqual({
      attachmentIds: 'too_many',
    });
  });

  it('defaults attachmentIds to an empty list', () => {
    const { attachmentIds: _, ...rest } = validDrafts.other;
    expect(ticketDraftSchema.parse(rest).attachmentIds).toEqual([]);
  });
});

describe('context', () => {
  it('knows the seven LMS roles and guest', () => {
    expect(REPORTER_ROLES).toEqual(['administrator', 'manager', 'teacher', 'editor', 'listener', 'contractor', 'agent', 'guest']);
  });

  it('requires every contact field the policy asks of an e-mail', () => {
    const result = contactSchema.safeParse({});
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`).sort();
    expect(paths).toEqual(['fullName:required', 'lmsUrl:required', 'organization:required', 'phone:required', 'role:required']);
  });

  it('checks the phone and the LMS link of a guest', () => {
    const result = contactSchema.safeParse({
      organization: 'ООО Ромашка',
      lmsUrl: 'romashka',
      fullName: 'Иванов Иван',
      role: 'listener',
      phone: '12345',
      email: 'not-an-email',
    });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`).sort()).toEqual([
      'email:email',
      'lmsUrl:url',
      'phone:phone',
    ]);
  });

  it('accepts a host context from the LMS', () => {
    expect(
      hostContextSchema.safeParse({
        userId: 'u-1',
        fullName: 'Петрова Анна',
        role: 'teacher',
        organization: { id: 'v-1', title: 'Учебный центр' },
        lmsUrl: 'https://center.uchi.pro',
        phone: '+7 912 345-67-89',
      }).success,
    ).toBe(true);
  });
});

describe('api error', () => {
  it('has the contract shape', () => {
    expect(apiErrorSchema.safeParse({ error: { code: 'validation_failed', message: 'x', fields: { subject: 'y' } } }).success).toBe(true);
    expect(apiErrorSchema.safeParse({ error: { code: 'made_up', message: 'x' } }).success).toBe(false);
  });
});

describe('the test attempt date', () => {
  it('is optional for a test and must be a calendar date when given', () => {
    expect(problems(validDrafts.test)).toEqual({});
    expect(problems({ ...validDrafts.test, testAttemptDate: '2026-11-14' })).toEqual({});
    expect(problems({ ...validDrafts.test, testAttemptDate: 'вчера' })).toEqual({ testAttemptDate: 'invalid' });
    expect(ticketDraftSchema.parse({ ...validDrafts.course, testAttemptDate: '2026-11-14' })).not.toHaveProperty('testAttemptDate');
  });

  it('of a new ticket is no later than the latest date given; a stored ticket is read back whatever its date', () => {
    const codes = (date: string) => {
      const result = newTicketDraftSchema('2026-12-01').safeParse({ ...validDrafts.test, testAttemptDate: date });
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
    };
    expect(codes('2026-12-01')).toEqual([]);
    expect(codes('2026-12-02')).toEqual(['testAttemptDate:future']);
    expect(codes('вчера')).toEqual(['testAttemptDate:invalid']);
    expect(problems({ ...validDrafts.test, testAttemptDate: '2030-12-31' })).toEqual({});
    // Another day builds its own schema: yesterday's bound does not stay.
    expect(newTicketDraftSchema('2030-12-31').safeParse({ ...validDrafts.test, testAttemptDate: '2030-12-31' }).success).toBe(true);
  });

  it.each([
    ['2026-11-30T23:30:00Z', '2026-12-01'],
    ['2026-11-30T00:00:00Z', '2026-12-01'],
    ['2026-12-31T12:00:00Z', '2027-01-01'],
  ])('a server at %s accepts dates up to %s (its UTC date plus one)', (now, latest) => {
    expect(latestAcceptedDate(new Date(now))).toBe(latest);
  });

  it('compares calendar dates only, and reads the local date of the zone it runs in', () => {
    expect(isDateAfter('2026-12-02', '2026-12-01')).toBe(true);
    expect(isDateAfter('2026-12-01', '2026-12-01')).toBe(false);
    expect(isDateAfter('не дата', '2026-12-01')).toBe(false);
    const noon = new Date(2026, 10, 30, 12);
    expect(localIsoDate(noon)).toBe('2026-11-30');
  });
});
