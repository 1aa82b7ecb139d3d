/** One mapping from an API failure to the user's sentence, for every feature. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ApiFailure } from '../../../src/api/types';
import { failureMessage, failureReason, isUnreachable } from '../../../src/widget/shared/failure-message';
import { commonMessages } from '../../../src/widget/shared/messages';

const http = (status: number, code = 'x', message = 'Текст сервера', retryAfterSeconds?: number): ApiFailure => ({
  kind: 'http',
  status,
  code,
  message,
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

describe('failure messages', () => {
  it.each<[ApiFailure, string]>([
    [{ kind: 'network', message: 'offline' }, 'network'],
    [http(503), 'server'],
    [http(429), 'rateLimited'],
    [http(409, 'idempotency_conflict'), 'alreadyRegistered'],
    [http(409, 'final_status'), 'conflict'],
    [http(401, 'unauthorized', 'Токен недействителен или истёк.'), 'signedOut'],
    [http(422), 'refused'],
    [http(400, 'bad', ' '), 'generic'],
    [{ kind: 'invalid-response', message: 'schema' }, 'generic'],
    [{ kind: 'aborted', message: 'aborted' }, 'generic'],
  ])('%o is %s', (failure, reason) => {
    expect(failureReason(failure)).toBe(reason);
  });

  it('says the server’s own sentence for a refusal and the wait for a rate limit', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ru', resources: { ru: { common: commonMessages.ru } }, interpolation: { escapeValue: false } });
    expect(failureMessage(i18n.t, http(422, 'validation', 'Укажите ссылку на курс'))).toBe('Сервер не принял запрос: Укажите ссылку на курс');
    expect(failureMessage(i18n.t, http(429, 'rate_limited', 'x', 30))).toBe('Слишком много попыток. Повторите через 30 с.');
    // A guest's hourly quota: in minutes.
    expect(failureMessage(i18n.t, http(429, 'rate_limited', 'x', 3595))).toBe('Слишком много попыток. Повторите через 60 мин.');
    // An expired sign-in is told in the user's words, not the server's (which speaks of tokens).
    expect(failureMessage(i18n.t, http(401, 'unauthorized', 'Токен недействителен или истёк.'))).not.toContain('Токен');
    expect(isUnreachable(http(502))).toBe(true);
    expect(isUnreachable(http(422))).toBe(false);
  });
});
