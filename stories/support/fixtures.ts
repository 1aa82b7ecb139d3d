/** Shared story data: instants, the signed-in user, the browser, and one plausible ticket per category. */
import { normalizeBrowserInfo } from '../../src/core';
import type { BrowserSnapshot, Category, Contact, HostContext, PageError, TicketDraftInput } from '../../src/core';
import type { Prefill } from '../../src/widget/shared/env';

/** Tuesday 1 December 2026, 10:30 MSK: support is open. */
export const OPEN_NOW = '2026-12-01T07:30:00.000Z';
/** Friday 27 November 2026, 18:30 MSK: closed until Monday 08:00. */
export const CLOSED_NOW = '2026-11-27T15:30:00.000Z';
/** The user's own zone in stories (Yekaterinburg, MSK+2): both times show. */
export const USER_TIME_ZONE = 'Asia/Yekaterinburg';

/** The LMS origin of the demo host. */
export const LMS = 'https://lms.example.ru';

/** The signed-in teacher the LMS passes to the widget. */
export const TEACHER: HostContext = {
  userId: 'u-1001',
  fullName: 'Иванова Мария Петровна',
  role: 'teacher',
  organization: { id: 'org-7', title: 'АНО ДПО «Учебный центр „Профи“»' },
  lmsUrl: LMS,
  phone: '+79123456789',
  email: 'm.ivanova@example.ru',
};

/** What a guest typed about themselves. */
export const GUEST_CONTACT: Contact = {
  organization: 'ООО «Ромашка»',
  lmsUrl: 'https://sdo.romashka.ru',
  fullName: 'Петров Сергей Ильич',
  role: 'listener',
  phone: '+79001234567',
};

/** Chrome 131 on Windows 11, as `readBrowser()` returns it in every story. */
export const BROWSER_SNAPSHOT: BrowserSnapshot = {
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  clientHints: { brands: [{ brand: 'Google Chrome', version: '131' }], mobile: false, platform: 'Windows', platformVersion: '15.0.0' },
  language: 'ru-RU',
  languages: ['ru-RU', 'en-US'],
  timeZone: USER_TIME_ZONE,
  viewport: { width: 1280, height: 720 },
  screen: { width: 1920, height: 1080 },
  pixelRatio: 1,
  cookiesEnabled: true,
  online: true,
  pageUrl: `${LMS}/courses/5b0c1e2a-7d4f-4c1e-9a51-0f6c2d8e4b17`,
};

/** Two page errors the embed recorded (the "attach page errors" checkbox shows with them). */
export const PAGE_ERRORS: PageError[] = [
  { message: "TypeError: Cannot read properties of undefined (reading 'score')", source: `${LMS}/assets/quiz.js:1:4521`, at: '2026-12-01T07:28:12.000Z' },
  { message: 'ChunkLoadError: Loading chunk 42 failed.', source: `${LMS}/assets/app.js`, at: '2026-12-01T07:29:40.000Z' },
];

const COURSE = { title: 'Охрана труда для руководителей и специалистов', url: `${LMS}/courses/5b0c1e2a-7d4f-4c1e-9a51-0f6c2d8e4b17` };
const ORDER_URL = `${LMS}/orders/9f1d7c3e-2b4a-4e8f-b6d1-3c5a7e9f0b2d`;
const DOCUMENT_URL = `${LMS}/documents/0c4e8a2f-6b1d-4f3a-9e7c-5d2b8a1f4e6c`;

/** A filled form per category: the fields `open({…})` can pre-fill, plus the ones a user types. */
export interface FilledForm {
  prefill: Prefill;
  testQuestion?: string;
  steps?: string;
  impact: 'blocks_everyone' | 'blocks_me' | 'minor';
}

/** One realistic ticket per category (subjects and texts as users write them). */
export const FILLED: Record<Category, FilledForm> = {
  course: {
    prefill: { category: 'course', subject: 'Не воспроизводится видео в уроке 3', description: 'В уроке «Первая помощь» видео не запускается: чёрный экран и бесконечная загрузка.', courseTitle: COURSE.title, courseUrl: COURSE.url },
    impact: 'blocks_me',
  },
  test: {
    prefill: { category: 'test', subject: 'В итоговом тесте неверный правильный ответ', description: 'Ответ «Работодатель» засчитывается как неверный, хотя так написано в лекции.', courseTitle: COURSE.title, courseUrl: COURSE.url },
    testQuestion: 'Кто обязан обеспечить проведение инструктажа по охране труда?',
    impact: 'minor',
  },
  order: {
    prefill: { category: 'order', subject: 'Заявка не переходит в статус «Обучение»', description: 'Оплата прошла три дня назад, а заявка всё ещё «Ожидает оплаты».', orderUrl: ORDER_URL },
    impact: 'blocks_everyone',
  },
  document: {
    prefill: { category: 'document', subject: 'В удостоверении неправильное отчество', description: 'В удостоверении указано «Ильинична» вместо «Ильична».', orderUrl: ORDER_URL, documentUrl: DOCUMENT_URL },
    impact: 'blocks_me',
  },
  technical: {
    prefill: { category: 'technical', subject: 'Белый экран после входа', description: 'После входа в СДО страница остаётся белой, меню не появляется.' },
    steps: '1. Открыть lms.example.ru\n2. Войти под своей учётной записью\n3. Увидеть белый экран',
    impact: 'blocks_everyone',
  },
  suggestion: {
    prefill: { category: 'suggestion', subject: 'Добавить тёмную тему в СДО', description: 'Вечером глазам тяжело: хотелось бы переключать оформление на тёмное.' },
    impact: 'minor',
  },
  other: {
    prefill: { category: 'other', subject: 'Как добавить второго администратора?', description: 'Подскажите, как дать права администратора коллеге.' },
    impact: 'minor',
  },
};

/** The wire draft of a filled form (what the memory API seeds tickets from). */
export function draftOf(category: Category, overrides: Partial<Record<string, unknown>> = {}): TicketDraftInput {
  const filled = FILLED[category];
  const { prefill } = filled;
  const own: Record<string, unknown> = {
    course: category === 'course' || category === 'test' ? { title: prefill.courseTitle, url: prefill.courseUrl } : undefined,
    testQuestion: filled.testQuestion,
    orderUrl: prefill.orderUrl,
    documentUrl: prefill.documentUrl,
    steps: filled.steps,
  };
  const defined = Object.fromEntries(Object.entries(own).filter(([, value]) => value !== undefined));
  return {
    category,
    subject: prefill.subject ?? '',
    description: prefill.description ?? '',
    impact: filled.impact,
    attachmentIds: [],
    browser: normalizeBrowserInfo(BROWSER_SNAPSHOT),
    ...defined,
    ...overrides,
  } as TicketDraftInput;
}
