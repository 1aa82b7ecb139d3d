/** The pure checklist rule: category + values → items {key, required, done}. */
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/core';
import { checklistItems } from '../../../src/widget/ticket-form/checklist';
import { emptyValues } from '../../../src/widget/ticket-form/form-values';

const host = { hasImage: false, guest: false, severalProblems: false };
const keys = (category: Category, facts = host) =>
  checklistItems(category, emptyValues(), facts).map((i) => `${i.key}:${i.required ? 'required' : 'recommended'}`);

describe('checklistItems', () => {
  // The support policy's items, and how much the problem gets in the way, which every ticket is asked.
  it.each<[Category, string[]]>([
    ['course', ['description:required', 'subject:required', 'courseTitle:required', 'courseUrl:required', 'impact:required', 'screenshot:recommended', 'browser:recommended']],
    ['test', ['description:required', 'subject:required', 'courseTitle:required', 'courseUrl:required', 'testQuestion:required', 'impact:required', 'testAttemptDate:recommended', 'screenshot:recommended', 'browser:recommended']],
    ['order', ['description:required', 'subject:required', 'orderUrl:required', 'impact:required', 'browser:recommended']],
    ['document', ['description:required', 'subject:required', 'orderUrl:required', 'documentUrl:required', 'impact:required', 'screenshot:recommended', 'browser:recommended']],
    ['technical', ['description:required', 'subject:required', 'steps:required', 'impact:required', 'screenshot:recommended', 'browser:recommended']],
    ['suggestion', ['description:required', 'subject:required', 'impact:required']],
    ['other', ['description:required', 'subject:required', 'impact:required', 'browser:recommended']],
  ])('%s asks for the items of the support policy', (category, expected) => {
    expect(keys(category)).toEqual(expected);
  });

  it('asks a guest for the contact details first', () => {
    expect(keys('other', { ...host, guest: true })[0]).toBe('contact:required');
  });

  it('ticks items from the values: text filled, links valid, contact complete, screenshot attached', () => {
    const values = {
      ...emptyValues(),
      subject: '  ',
      description: 'Белый экран',
      courseTitle: 'Охрана труда',
      courseUrl: 'lms.example.ru/courses/1',
      contact: { organization: 'ООО', lmsUrl: 'https://lms.example.ru', fullName: 'Иванов', role: 'listener' as const, phone: '8 912 345 67 89', email: '' },
    };
    const done = Object.fromEntries(checklistItems('course', values, { hasImage: true, guest: true, severalProblems: false }).map((i) => [i.key, i.done]));
    expect(done).toEqual({ contact: true, subject: false, description: true, courseTitle: true, courseUrl: false, impact: false, screenshot: true, browser: true });
    const impact = (value: unknown) => checklistItems('course', { ...values, impact: value as 'minor' }, { hasImage: true, guest: true, severalProblems: false }).find((i) => i.key === 'impact')?.done;
    expect(impact('minor')).toBe(true);
    // A radio group left with nothing checked reads back as null.
    expect(impact(null)).toBe(false);
    const badPhone = { ...values, contact: { ...values.contact, phone: '12345' } };
    expect(checklistItems('course', badPhone, { hasImage: false, guest: true, severalProblems: false })[0]).toEqual({ key: 'contact', required: true, done: false });
  });

  it('asks for the one-problem decision only when the check found several problems, done once confirmed', () => {
    expect(keys('other')).not.toContain('oneProblem:required');
    expect(keys('other', { ...host, severalProblems: true })).toEqual(['description:required', 'subject:required', 'impact:required', 'oneProblem:required', 'browser:recommended']);
    const description = 'Не открывается курс. Также не приходит письмо с паролем.';
    const decided = (confirmedOneProblem: string) =>
      checklistItems('other', { ...emptyValues(), description, confirmedOneProblem }, { ...host, severalProblems: true }).find((i) => i.key === 'oneProblem')?.done;
    expect(decided('')).toBe(false);
    expect(decided(description)).toBe(true);
    // A confirmation of another text does not cover this one.
    expect(decided('Не открывается курс.')).toBe(false);
  });
});
