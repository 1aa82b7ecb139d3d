import { describe, expect, it } from 'vitest';
import { linkMismatch } from '../../src/core';
import type { FieldKind } from '../../src/core';

const LMS = 'https://lms.example.ru';

describe('a link of another kind than its field asks for', () => {
  it.each<[FieldKind, string, ReturnType<typeof linkMismatch>]>([
    ['courseUrl', `${LMS}/courses/abc`, null],
    ['courseUrl', `${LMS}/courses/abc/lessons/7`, null],
    ['courseUrl', `${LMS}/orders/o-1`, { found: 'order' }],
    ['orderUrl', `${LMS}/orders/o-1?tab=docs`, null],
    ['orderUrl', `${LMS}/search?q=заявка`, { found: 'page' }],
    ['orderUrl', `${LMS}/courses/abc`, { found: 'course' }],
    ['documentUrl', `${LMS}/courses/abc`, { found: 'course' }],
    ['documentUrl', `${LMS}/orders/o-1`, { found: 'order' }],
    // Documents have no stable path: any other page of the LMS may open one.
    ['documentUrl', `${LMS}/files/certificate-12.pdf`, null],
    // Another LMS (a domain we do not know): its known shapes are judged, its unknown pages are not.
    ['orderUrl', 'https://sdo.other.ru/orders/o-9', null],
    ['orderUrl', 'https://sdo.other.ru/reports/9', null],
    ['orderUrl', 'https://sdo.other.ru/courses/c-9', { found: 'course' }],
    // Not a link yet, or a field that is no LMS page: the field's own check speaks.
    ['orderUrl', 'lms.example.ru/search', null],
    ['siteUrl', `${LMS}/orders/o-1`, null],
    ['text', `${LMS}/orders/o-1`, null],
  ])('%s %s → %j', (kind, value, expected) => {
    expect(linkMismatch(kind, value, [LMS])).toEqual(expected);
  });

  it('judges an unknown page only on an LMS the user is known to use', () => {
    expect(linkMismatch('courseUrl', `${LMS}/search`, [])).toBeNull();
    expect(linkMismatch('courseUrl', `${LMS}/search`, ['https://sdo.other.ru', LMS])).toEqual({ found: 'page' });
  });
});
