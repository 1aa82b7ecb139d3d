/** The server's 422 for a draft the schema refuses: `fields` keyed by dotted path, in Russian like the server. */
import type { ApiFailure } from '../../src/api/types';

const MESSAGES: Record<string, string> = {
  required: 'Заполните это поле',
  too_long: 'Слишком длинный текст',
  too_many: 'Слишком много элементов',
  url: 'Укажите ссылку, начинающуюся с http:// или https://',
  phone: 'Укажите российский номер телефона',
  email: 'Укажите адрес электронной почты',
  invalid: 'Неверное значение',
};

/** The failure for schema issues. */
export function validationFailure(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): ApiFailure {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    fields[path] ??= MESSAGES[issue.message] ?? MESSAGES['invalid'] ?? issue.message;
  }
  return { kind: 'http', status: 422, code: 'validation_failed', message: 'Проверьте поля обращения.', fields };
}
