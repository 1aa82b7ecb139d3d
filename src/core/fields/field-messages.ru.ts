/**
 * The Russian sentences for the form's field message codes, where "fill in the field" would not tell the
 * user what we need. The widget shows them (namespace `form`, key `error`) and the server answers a 422 with
 * them, so both say the same thing.
 */
import type { FieldError } from '../schemas/fields';
import { CATEGORY_FIELD_MESSAGES_RU } from './category-messages.ru';
import type { ContactFieldName, TicketFieldName } from './ticket-fields';

type Sentences = Partial<Record<FieldError, string>>;

/** Sentences of the ticket's text fields, one entry per row of the field table. */
export const TICKET_FIELD_MESSAGES_RU: Readonly<Record<TicketFieldName, Sentences>> = {
  subject: { required: 'Укажите тему обращения' },
  description: { required: 'Напишите, что случилось: без описания специалист не сможет помочь' },
  courseTitle: { required: 'Укажите полное название курса' },
  courseUrl: { required: 'Укажите ссылку на курс', url: 'Вставьте ссылку на курс целиком: адрес страницы вместе с http:// или https://' },
  testQuestion: { required: 'Приведите текст вопроса теста' },
  testAttemptDate: {
    invalid: 'Укажите дату попытки в календаре, например 14.11.2026',
    future: 'Дата попытки не может быть позже сегодняшнего дня',
  },
  orderUrl: { required: 'Укажите ссылку на заявку', url: 'Вставьте ссылку на заявку целиком: адрес страницы вместе с http:// или https://' },
  documentUrl: { required: 'Укажите ссылку на документ', url: 'Вставьте ссылку на документ целиком: адрес страницы вместе с http:// или https://' },
  steps: { required: 'Опишите действия, которые приводят к ошибке' },
};

/** Sentences of the guest's contact, one entry per contact row of the field table. */
export const CONTACT_FIELD_MESSAGES_RU: Readonly<Record<ContactFieldName, Sentences>> = {
  organization: { required: 'Укажите название организации' },
  lmsUrl: { required: 'Укажите ссылку на СДО', url: 'Вставьте ссылку на СДО целиком: адрес страницы вместе с http:// или https://' },
  fullName: { required: 'Укажите ваше ФИО' },
  role: { required: 'Выберите вашу роль в СДО', invalid: 'Выберите роль в СДО из списка' },
  phone: { required: 'Укажите контактный телефон', phone: 'Введите номер телефона: российский, например +7 912 345-67-89, или другой страны с её кодом, например +44 20 7946 0958' },
  email: { email: 'Проверьте адрес почты, например ivanova@example.ru' },
};

/** Sentences of the other fields of the form (category, impact, the guest's contact). */
export const FORM_FIELD_MESSAGES_RU = {
  category: CATEGORY_FIELD_MESSAGES_RU,
  impact: {
    required: 'Укажите, насколько проблема мешает работе',
    invalid: 'Выберите, насколько проблема мешает работе, из предложенных вариантов',
  },
  contact: CONTACT_FIELD_MESSAGES_RU,
} as const satisfies Record<string, Sentences | Readonly<Record<string, Sentences>>>;
