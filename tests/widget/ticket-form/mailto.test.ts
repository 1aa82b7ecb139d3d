/** The e-mail fallback's mailto builder: encoding and the body length cap. */
import { describe, expect, it } from 'vitest';
import { buildMailto, composeMailBody, MAX_MAIL_BODY } from '../../../src/widget/ticket-form/mailto';

const decodeBody = (url: string) => decodeURIComponent(/[?&]body=([^&]*)/.exec(url)?.[1] ?? '');

describe('buildMailto', () => {
  it('encodes subject and body, with CRLF line breaks', () => {
    const url = buildMailto({
      to: 'support@uchi.pro',
      subject: 'Вопрос & ответ?',
      sections: [
        { label: 'Тема', value: 'a&b=c #1' },
        { label: 'Описание', value: 'строка 1\nстрока 2' },
        { label: 'Пусто', value: '  ' },
      ],
      truncatedNote: 'сокращено',
    });
    expect(url.startsWith('mailto:support@uchi.pro?subject=')).toBe(true);
    // Only the two separators stay raw: no spaces, '#', line breaks or extra '&' / '?' leak through.
    expect(url).not.toMatch(/[\s#]/);
    expect(url.split('&')).toHaveLength(2);
    expect(url.split('?')).toHaveLength(2);
    expect(url).toContain(`subject=${encodeURIComponent('Вопрос & ответ?')}&body=`);
    expect(url).toContain('%0D%0A');
    expect(decodeBody(url)).toBe('Тема: a&b=c #1\r\n\r\nОписание:\r\nстрока 1\r\nстрока 2');
  });

  it('keeps a short body whole', () => {
    const sections = [{ label: 'Описание', value: 'коротко', shrink: true }];
    expect(composeMailBody(sections, 'сокращено')).toBe('Описание: коротко');
  });

  it('cuts the description (with a note) to keep the body under the cap, other fields intact', () => {
    const long = 'Очень длинное описание. '.repeat(200);
    const body = composeMailBody(
      [
        { label: 'Тема', value: 'Не открывается курс' },
        { label: 'Описание', value: long, shrink: true },
        { label: 'Телефон', value: '+7 (912) 345-67-89' },
      ],
      'описание сокращено',
    );
    expect(body.length).toBeLessThanOrEqual(MAX_MAIL_BODY);
    expect(body).toContain('Тема: Не открывается курс');
    expect(body).toContain('Очень длинное описание.');
    expect(body).toContain('[описание сокращено]');
    expect(body.endsWith('Телефон: +7 (912) 345-67-89')).toBe(true);
  });

  it('cuts several long parts in order, and never exceeds the cap', () => {
    const body = composeMailBody(
      [
        { label: 'Описание', value: 'а'.repeat(1500), shrink: true },
        { label: 'Шаги', value: 'б'.repeat(1500), shrink: true },
        { label: 'User-Agent', value: 'в'.repeat(1000) },
      ],
      'сокращено',
      1800,
    );
    expect(body.length).toBeLessThanOrEqual(1800);
    expect(body).toContain('Шаги:');
  });
});
