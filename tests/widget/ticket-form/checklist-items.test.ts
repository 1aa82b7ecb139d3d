/** The pure checklist rule: category + values → items {key, required, done}. */
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../src/core';
import { checklistItems } from '../../../src/widget/ticket-form/checklist';
import { emptyValues } from '../../../src/widget/ticket-form/form-values';

const host = { hasImage: false, guest: false };
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
    expect(keys('other', { hasImage: false, guest: true })[0]).toBe('contact:required');
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
    const done = Object.fromEntries(checklistItems('course', values, { hasImage: true, guest: true }).map((i) => [i.key, i.done]));
    expect(done).toEqual({ contact: true, subject: false, description: true, courseTitle: true, courseUrl: false, impact: false, screenshot: true, browser: true });
    const impact = (value: unknown) => checklistItems('course', { ...values, impact: value as 'minor' }, { hasImage: true, guest: true }).find((i) => i.key === 'impact')?.done;
    expect(impact('minor')).toBe(true);
    // A radio group left with nothing checked reads back as null.
    expect(impact(null)).toBe(false);
    const badPhone = { ...values, contact: { ...values.contact, phone: '12345' } };
    expect(checklistItems('course', badPhone, { hasImage: false, guest: true })[0]).toEqual({ key: 'contact', required: true, done: false });
  });
});
