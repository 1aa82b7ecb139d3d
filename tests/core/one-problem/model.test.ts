import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT, HASH_BUCKETS, modelFeatures } from '../../../src/core/one-problem/model-features';
import { modelSplit, severalProblemsProbability } from '../../../src/core/one-problem/one-problem-model';
import { MODEL_WEIGHTS } from '../../../src/core/one-problem/model-weights';

describe('one-problem model', () => {
  it('reads the same features from the same text, within the weights it has', () => {
    const text = 'Не открывается тест по первой помощи. Кроме того, счёт на оплату так и не пришёл.';
    const x = modelFeatures(text);
    expect(modelFeatures(text)).toEqual(x);
    expect(Math.min(...x.index)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x.index)).toBeLessThan(FEATURE_COUNT);
    expect(x.index.some((i) => i >= HASH_BUCKETS)).toBe(true);
    expect(atob(MODEL_WEIGHTS)).toHaveLength(FEATURE_COUNT);
  });

  it('scores texts as a probability', () => {
    const p = severalProblemsProbability('Не приходит сертификат после курса, прошло уже две недели.');
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it('cuts two unrelated problems joined by «и» and names where', () => {
    const split = modelSplit('Не открывается тест по первой помощи и счёт на оплату так и не пришёл');
    expect(split?.parts).toEqual(['Не открывается тест по первой помощи', 'счёт на оплату так и не пришёл']);
    expect(split?.markers).toEqual(['и']);
  });

  it('does not cut one problem told in two sentences about the same thing', () => {
    expect(modelSplit('Не открывается тест по первой помощи. Тест по первой помощи висит на загрузке.')).toBeNull();
  });
});
