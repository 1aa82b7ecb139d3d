/**
 * The same-stack floor for `npm run bench`: the widget's libraries (React 19, react-hook-form with a zod/mini
 * resolver, react-query, i18next) rendering a form of the widget's size in one file, built as one IIFE. The
 * bench injects it on the launcher's click, so fetch, evaluation and first render are all in the figure, as
 * they are for the widget's cold click. Not shipped; only `scripts/bench/reference.mjs` builds it.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';

const CATEGORIES = ['course', 'test', 'order', 'document', 'technical', 'suggestion', 'other'] as const;
const IMPACTS = ['blocks_everyone', 'blocks_me', 'minor'] as const;

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'ru',
  initAsync: false,
  resources: {
    ru: {
      form: {
        title: 'Техподдержка Uchi.Pro',
        category: 'О чём обращение?',
        subject: 'Тема',
        description: 'Опишите проблему',
        courseUrl: 'Ссылка на курс',
        testQuestion: 'Вопрос теста',
        orderNumber: 'Номер заказа',
        documentUrl: 'Ссылка на документ',
        phone: 'Телефон',
        email: 'Электронная почта',
        impact: 'Насколько мешает?',
        send: 'Отправить',
        ...Object.fromEntries(CATEGORIES.map((category) => [`category.${category}`, `Категория ${category}`])),
        ...Object.fromEntries(IMPACTS.map((impact) => [`impact.${impact}`, `Влияние ${impact}`])),
      },
    },
  },
});
const t = i18n.getFixedT('ru', 'form');

const schema = z.object({
  category: z.enum(CATEGORIES),
  subject: z.string().check(z.minLength(3), z.maxLength(200)),
  description: z.string().check(z.minLength(10), z.maxLength(5000)),
  courseUrl: z.optional(z.string().check(z.maxLength(2000))),
  testQuestion: z.optional(z.string().check(z.maxLength(2000))),
  orderNumber: z.optional(z.string().check(z.maxLength(100))),
  documentUrl: z.optional(z.string().check(z.maxLength(2000))),
  phone: z.optional(z.string().check(z.maxLength(40))),
  email: z.optional(z.string().check(z.maxLength(320))),
  impact: z.enum(IMPACTS),
});
type Values = z.infer<typeof schema>;

const TEXT_FIELDS = ['subject', 'courseUrl', 'testQuestion', 'orderNumber', 'documentUrl', 'phone', 'email'] as const;

function Form() {
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { category: 'course', impact: 'blocks_me' } });
  // The widget asks the API for the user's tickets on open; here a query that resolves at once stands in.
  useQuery({ queryKey: ['tickets'], queryFn: () => Promise.resolve([]) });
  const hours = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Moscow' }).format(new Date());
  return (
    <form className="ref-form" onSubmit={handleSubmit(() => undefined)} noValidate>
      <h1>{t('title')}</h1>
      <p>{hours}</p>
      <fieldset>
        <legend>{t('category')}</legend>
        {CATEGORIES.map((category) => (
          <label key={category}>
            <input type="radio" value={category} {...register('category')} /> {t(`category.${category}`)}
          </label>
        ))}
      </fieldset>
      {TEXT_FIELDS.map((name) => (
        <label key={name}>
          {t(name)} <input name={name} ref={register(name).ref} onChange={register(name).onChange} onBlur={register(name).onBlur} aria-invalid={formState.errors[name] !== undefined} />
        </label>
      ))}
      <label>
        {t('description')} <textarea {...register('description')} />
      </label>
      <fieldset>
        <legend>{t('impact')}</legend>
        {IMPACTS.map((impact) => (
          <label key={impact}>
            <input type="radio" value={impact} {...register('impact')} /> {t(`impact.${impact}`)}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('send')}</button>
    </form>
  );
}

const host = document.createElement('div');
host.id = 'reference-form';
document.body.append(host);
const shadow = host.attachShadow({ mode: 'open' });
const mount = document.createElement('div');
shadow.append(mount);
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
createRoot(mount).render(
  <QueryClientProvider client={queryClient}>
    <Form />
  </QueryClientProvider>,
);
