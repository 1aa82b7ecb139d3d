/**
 * The e-mails' unsubscribe link, for anyone who has the e-mail and nothing else (a guest has no widget settings):
 * `GET` shows a page that asks to confirm (link scanners and previews open links, so opening one changes
 * nothing); `POST` turns the recipient's e-mails off — the page's button and the one-click unsubscribe of mail
 * clients (RFC 8058, body `List-Unsubscribe=One-Click`, which is not read). The page after it offers to turn
 * them back on. The token in the link is the only credential (see outbox/unsubscribe.ts).
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { acceptedSecrets, mailFromFor } from '../config';
import type { AppDeps, AppEnv } from '../context';
import { escapeHtml } from '../outbox/email';
import { preferredLocale } from '../locale';
import type { Locale } from '../locale';
import { ownerOfUnsubscribeToken, RESUBSCRIBE_PATH, UNSUBSCRIBE_PATH } from '../outbox/unsubscribe';

const STYLE = [
  'body{font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;max-width:32rem;margin:3rem auto;padding:0 1rem}',
  'h1{font-size:1.4rem}',
  'button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}',
  'button:focus-visible{outline:3px solid #f0b400;outline-offset:2px}',
].join('');
// Only this one style block runs on the page: no scripts, no other sources, forms post to this server only.
const POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

interface Page {
  title: string;
  text: string;
  /** A button that posts to `action`. */
  button?: { label: string; action: string };
}

/** Whose e-mails these are: the display name of SUPPORT_MAIL_FROM («Учебный центр «Профи» <support@…>»), else the product's. */
export function senderName(mailFrom: string, locale: Locale = 'ru'): string {
  const name = /^\s*"?([^"<]*?)"?\s*</u.exec(mailFrom)?.[1]?.trim() ?? '';
  if (name !== '') return name;
  return locale === 'en' ? 'Uchi.Pro Support' : 'Техподдержка Учи.Про';
}

function page(c: Context<AppEnv>, status: 200 | 400, content: Page, sender: string, locale: Locale) {
  const form = content.button === undefined
    ? ''
    : `<form method="post" action="${escapeHtml(content.button.action)}"><button type="submit">${escapeHtml(content.button.label)}</button></form>`;
  c.header('Content-Security-Policy', POLICY);
  return c.html(
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
      `<meta name="robots" content="noindex"><title>${escapeHtml(content.title)} — ${escapeHtml(sender)}</title><style>${STYLE}</style></head>` +
      `<body><main><h1>${escapeHtml(content.title)}</h1><p>${escapeHtml(content.text)}</p>${form}</main></body></html>`,
    status,
  );
}

/** What the pages say, in each language (the one the visitor's browser prefers). */
const PAGES = {
  ru: {
    broken: {
      title: 'Ссылка не работает',
      text: 'Ссылка повреждена или устарела. Откройте её из последнего письма техподдержки целиком или отключите письма в настройках виджета техподдержки («Мои обращения» → «Уведомлять по e-mail»).',
    },
    ask: {
      title: 'Отписаться от писем техподдержки?',
      text: 'Писем о ваших обращениях больше не будет: ни о регистрации, ни о вопросах специалиста, ни об ответах, ни о решении. Обращения и ответы останутся в виджете техподдержки.',
    },
    unsubscribe: 'Отписаться',
    done: {
      title: 'Вы отписались',
      text: 'Писем техподдержки о ваших обращениях больше не будет. Ответы специалистов по-прежнему видны в виджете техподдержки.',
    },
    resubscribe: 'Снова получать письма',
    back: { title: 'Письма снова включены', text: 'Письмо придёт, когда обращение зарегистрируют и когда специалист задаст вопрос, напишет, ответит или закроет его.' },
  },
  en: {
    broken: {
      title: 'This link does not work',
      text: 'The link is damaged or out of date. Open it whole from the latest support e-mail, or turn the e-mails off in the support widget’s settings (“My requests” → “Notify me by e-mail”).',
    },
    ask: {
      title: 'Unsubscribe from support e-mails?',
      text: 'There will be no more e-mails about your requests: not when one is registered, nor about a specialist’s questions, answers or resolutions. Your requests and the answers stay in the support widget.',
    },
    unsubscribe: 'Unsubscribe',
    done: {
      title: 'You are unsubscribed',
      text: 'There will be no more support e-mails about your requests. Specialists’ answers are still shown in the support widget.',
    },
    resubscribe: 'Get the e-mails again',
    back: { title: 'E-mails are on again', text: 'An e-mail will come when a request is registered, and when a specialist asks you a question, writes to you, answers or resolves it.' },
  },
} satisfies Record<Locale, unknown>;

/**
 * A route of the link: the token checked (a page saying the link is broken otherwise), then `respond` with its
 * owner, and the page it gives, its button posting to `next` with the same token.
 */
type Respond = (owner: string, say: (typeof PAGES)[Locale]) => Promise<{ page: Omit<Page, 'button'>; button: string; next: string }>;

/** `GET|POST /email/unsubscribe?t=…`, `POST /email/resubscribe?t=…`. */
export function unsubscribeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const linked = (respond: Respond) => async (c: Context<AppEnv>) => {
    const locale = preferredLocale(c.req.header('accept-language'));
    const sender = senderName(mailFromFor(deps.config.notifications, locale), locale);
    const tokens = c.req.queries('t') ?? [];
    const token = tokens.length === 1 ? (tokens[0] ?? '') : '';
    // A link in an e-mail sent before the secret was replaced carries the old one's HMAC.
    const { tokenSecret, previousTokenSecret } = deps.config;
    let owner: string | null = null;
    for (const secret of acceptedSecrets(tokenSecret, previousTokenSecret)) owner ??= ownerOfUnsubscribeToken(secret, token);
    if (owner === null) return page(c, 400, PAGES[locale].broken, sender, locale);
    const { page: content, button, next } = await respond(owner, PAGES[locale]);
    // Relative to this page, so it works behind a proxy that serves the API under a path of its own.
    const action = `.${next.slice(next.lastIndexOf('/'))}?t=${encodeURIComponent(token)}`;
    return page(c, 200, { ...content, button: { label: button, action } }, sender, locale);
  };
  const setEmail = (owner: string, on: boolean) => deps.store.prefs.setEmail(owner, on, deps.clock().toISOString());

  app.get(
    UNSUBSCRIBE_PATH,
    linked(async (_owner, say) => ({ page: say.ask, button: say.unsubscribe, next: UNSUBSCRIBE_PATH })),
  );

  app.post(
    UNSUBSCRIBE_PATH,
    linked(async (owner, say) => {
      await setEmail(owner, false);
      return { page: say.done, button: say.resubscribe, next: RESUBSCRIBE_PATH };
    }),
  );

  app.post(
    RESUBSCRIBE_PATH,
    linked(async (owner, say) => {
      await setEmail(owner, true);
      return { page: say.back, button: say.unsubscribe, next: UNSUBSCRIBE_PATH };
    }),
  );

  return app;
}
