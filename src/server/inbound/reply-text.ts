/**
 * What the reporter wrote in a reply, without what their mail program added: the quoted e-mail, its «… wrote:»
 * line, a signature, «Sent from my iPhone». email-reply-parser knows the quoting of most mail programs; the
 * Russian ones (Gmail's «пн, 7 дек. 2026 г. в 12:00, … <…>:», Mail.ru's «… от … <…>:», Yandex's) are found here by
 * what every quote header names: the address of the e-mail answered, which is the server's own.
 */
import EmailReplyParser from 'email-reply-parser';

/** Where a forwarded or quoted e-mail starts in the mail programs that draw a line above it. */
const QUOTE_RULE = /^\s*-{2,}\s*(?:Original Message|Forwarded message|Исходное сообщение|Пересылаемое сообщение|Оригинальное сообщение|Перенаправленное сообщение)\s*-{2,}\s*$/iu;
/** A mail program's own line under the text: «Отправлено из мобильной Почты Mail.ru», «Sent from my iPhone». */
const SENT_FROM =
  /^\s*(?:Отправлено|Sent|Послано)\s+(?:из|с|со|from|via)\s+(?:моего\s+|my\s+)?(?:iPhone|iPad|Android|телефона|смартфона|phone|smartphone|mobile|мобильн\S*\s+(?:Почты\s+)?Mail\.ru|Почты\s+Mail\.ru|Mail\.ru|Яндекс[ .]?Почты|Yandex[ .]?Mail|Outlook|Gmail|Samsung|Huawei|Xiaomi)\b.{0,40}$/iu;

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
  // A quote heading names the server's address and ends with a colon («…, Техподдержка <support@…>:»); a line of
  // the reply that only mentions the address («Писал вам на support@…») is not one.
  const heading = (line: string) => /:\s*$/u.test(line) && named.some((pattern) => pattern.test(line));
  const cut = lines.findIndex((line) => QUOTE_RULE.test(line) || heading(line));
  if (cut >= 0) {
    // A quote heading may wrap («пн, 7 дек. 2026 г. в 12:00, Техподдержка <» / «support@…>:»): up to two lines of
    // its paragraph above the address go with it, unless the paragraph is longer (the reply itself, written right
    // above the heading) or nothing would be left of the reply.
    let start = cut;
    while (start > 0 && start > cut - 2 && (lines[start - 1] ?? '').trim() !== '' && !QUOTE_RULE.test(lines[cut] ?? '')) start -= 1;
    const above = lines.slice(0, start);
    if ((start > 0 && (lines[start - 1] ?? '').trim() !== '') || above.every((line) => line.trim() === '')) {
      // The heading's own first half, wrapped at its «<», still goes.
      start = cut > 1 && (lines[cut - 1] ?? '').trimEnd().endsWith('<') ? cut - 1 : cut;
    }
    lines = lines.slice(0, start);
  }
  while (lines.length > 0 && ((lines.at(-1) ?? '').trim() === '' || SENT_FROM.test(lines.at(-1) ?? ''))) lines.pop();
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
