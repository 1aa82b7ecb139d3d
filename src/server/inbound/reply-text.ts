/**
 * What the reporter wrote in a reply, without what their mail program added: the quoted e-mail, its «… wrote:»
 * line, a signature, «Sent from my iPhone». email-reply-parser knows the quoting of most mail programs; the
 * Russian ones (Gmail's «пн, 7 дек. 2026 г. в 12:00, … <…>:», Mail.ru's «… от … <…>:», Yandex's) are found here by
 * what every quote header names: the address of the e-mail answered, which is the server's own.
 */
import EmailReplyParser from 'email-reply-parser';

/** Where a forwarded or quoted e-mail starts in the mail programs that draw a line above it. */
const QUOTE_RULE = /^\s*-{2,}\s*(?:Original Message|Forwarded message|Исходное сообщение|Пересылаемое сообщение|Оригинальное сообщение|Перенаправленное сообщение)\s*-{2,}\s*$/iu;
/** A mobile mail program's line under the text. */
const SENT_FROM = /^\s*(?:Отправлено|Sent|Послано)\s+(?:из|с|со|from|via)\s+.{1,60}$/iu;

/** Escapes `text` for a regular expression. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The reply's own text; `ours`: the server's addresses (its From and its reply address, whose tagged forms count
 * too). Empty when the e-mail holds nothing but the quote.
 */
export function replyText(body: string, ours: readonly string[]): string {
  const visible = new EmailReplyParser().read(body.replace(/\r\n?/g, '\n')).getVisibleText();
  let lines = visible.split('\n');
  const named = ours.map((address) => {
    const at = address.lastIndexOf('@');
    return new RegExp(`${literal(address.slice(0, at))}(?:\\+[^@\\s]*)?@${literal(address.slice(at + 1))}`, 'iu');
  });
  const cut = lines.findIndex((line) => QUOTE_RULE.test(line) || named.some((pattern) => pattern.test(line)));
  if (cut >= 0) {
    // A quote header may wrap («пн, 7 дек. 2026 г. в 12:00, Техподдержка <» / «support@…>:»): the lines of its
    // paragraph above the address go with it, unless that paragraph is long enough to be the reply itself.
    let start = cut;
    while (start > 0 && start > cut - 2 && (lines[start - 1] ?? '').trim() !== '' && !QUOTE_RULE.test(lines[cut] ?? '')) start -= 1;
    if (start > 0 && (lines[start - 1] ?? '').trim() !== '') start = cut;
    lines = lines.slice(0, start);
  }
  while (lines.length > 0 && ((lines.at(-1) ?? '').trim() === '' || SENT_FROM.test(lines.at(-1) ?? ''))) lines.pop();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
