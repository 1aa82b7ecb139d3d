/**
 * Texts made to be slow (a word or a connective repeated to the description's limit) are checked like any
 * other: one problem, in the same few passes, so neither the server nor the browser stalls on them (the check
 * once took seconds on «и и и …», holding the server's write lock).
 */
import { describe, expect, it } from 'vitest';
import { checkOneProblem } from '../../../src/core';

const LIMIT = 5000;
const fill = (unit: string) => unit.repeat(Math.ceil(LIMIT / unit.length)).slice(0, LIMIT);

describe('the one-problem check on texts made to be slow', () => {
  it.each([['и '], ['а\n'], ['тест, и '], ['Кроме того, '], ['Не работает тест.\n\n'], ['P.S. '], ['почему? '], ['не работает и '], ['тест висит; '], ['.'], ['…'], ['!'], ['?'], ['.»']])('%j repeated is one problem', (unit) => {
    const check = checkOneProblem(fill(unit));
    expect(check.parts).toHaveLength(1);
    expect(check.markers).toEqual([]);
  });

  // A run of dots not followed by a space was read again from each of its dots: 5,000 of them took half a second.
  it.each([['.'], ['…'], ['!'], ['?']])('two problems followed by %j to the limit are still two', (unit) => {
    const two = 'Не открывается тест по охране труда. Кроме того, не пришёл счёт на оплату за октябрь. ';
    const check = checkOneProblem(two + unit.repeat(LIMIT - two.length));
    expect(check.parts.length).toBeGreaterThanOrEqual(2);
  });
});
