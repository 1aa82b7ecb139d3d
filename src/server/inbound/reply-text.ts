/**
 * What the reporter wrote in a reply, without what their mail program added: the quoted e-mail and its heading,
 * a signature, «Sent from my iPhone». Every step reads each line once with patterns that cannot backtrack far
 * (a reply is anyone's text: a quote stripper with a slow pattern was one e-mail away from freezing the server).
 *
 * Where the quote starts:
 * - a heading that names the e-mail answered, whose From is the server's own address: Gmail's «пн, 7 дек. 2026 г.
 *   в 12:00, Техподдержка <support@…>:» (also wrapped over two lines), Mail.ru's «… от Техподдержка <…>:»,
 *   Yandex's, Apple Mail's;
 * - a mail program's rule: «-----Original Message-----», «-------- Пересылаемое сообщение --------»;
 * - Outlook's header block: «От: …» or «From: …» followed by «Отправлено: …» / «Sent: …» / «Дата: …»;
 * - a «… wrote:» / «… пишет:» heading followed by quoted lines;
 * - the block of «>» lines that ends the e-mail.
 */

/** Where a forwarded or quoted e-mail starts in the mail programs that draw a line above it. */
const QUOTE_RULE = /^\s*-{2,}\s*(?:Original Message|Forwarded message|Исходное сообщение|Пересылаемое сообщение|Оригинальное сообщение|Перенаправленное сообщение)\s*-{2,}\s*$/iu;
/** Outlook's header block: its first line, and one of the lines right after it. */
const OUTLOOK_FROM = /^\s*\*?(?:От|From)\s*:\*?\s/iu;
const OUTLOOK_NEXT = /^\s*\*?(?:Отправлено|Sent|Дата|Date|Кому|To)\s*:\*?\s/iu;
/** A «… wrote:» heading, of a bounded length (a line a heading can be). */
const WROTE = /^.{0,300}(?:wrote|пишет|написал|написала|написал\(а\)):\s*$/iu;
/** A signature's separator (`-- `, as RFC 3676 asks, or a bare `--`). */
const SIGNATURE = /^--\s?$/u;
/** A mail program's own line under the text: «Отправлено из мобильной Почты Mail.ru», «Sent from my iPhone». */
const SENT_FROM =
  /^\s*(?:Отправлено|Sent|Послано)\s+(?:из|с|со|from|via)\s+(?:моего\s+|my\s+)?(?:iPhone|iPad|Android|телефона|смартфона|phone|smartphone|mobile|мобильн\S*\s+(?:Почты\s+)?Mail\.ru|Почты\s+Mail\.ru|Mail\.ru|Яндекс[ .]?Почты|Yandex[ .]?Mail|Outlook|Gmail|Samsung|Huawei|Xiaomi)\b.{0,40}$/iu;
/** A quoted line. */
const QUOTED = /^\s*>/u;

/** Whether `line` names one of `ours` (a tagged form too), as a whole address. */
function namesOurs(line: string, ours: readonly string[]): boolean {
  const lower = line.toLowerCase();
  return ours.some((address) => {
    const at = address.lastIndexOf('@');
    const [local, domain] = [address.slice(0, at).toLowerCase(), address.slice(at + 1).toLowerCase()];
    for (let from = lower.indexOf(`@${domain}`); from >= 0; from = lower.indexOf(`@${domain}`, from + 1)) {
      // The domain must end there, and the local part before it must be ours, with a tag or without.
      const after = lower[from + domain.length + 1] ?? '';
      if (/[a-z0-9.-]/u.test(after)) continue;
      const start = Math.max(lower.lastIndexOf('<', from), lower.lastIndexOf(' ', from), lower.lastIndexOf('\t', from), lower.lastIndexOf('"', from)) + 1;
      const name = lower.slice(start, from);
      if (name === local || name.startsWith(`${local}+`)) return true;
    }
    return false;
  });
}

/** The index of the line where the quote starts, or the number of lines when there is none. */
function quoteStart(lines: readonly string[], ours: readonly string[]): number {
  const quotedAfter = (index: number) => lines.slice(index + 1, index + 4).some((line) => QUOTED.test(line));
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (QUOTE_RULE.test(line)) return i;
    if (/:\s*$/u.test(line) && namesOurs(line, ours)) {
      // A heading wrapped at its «<»: its first half goes with it.
      return i > 0 && (lines[i - 1] ?? '').trimEnd().endsWith('<') ? i - 1 : i;
    }
    if (OUTLOOK_FROM.test(line) && lines.slice(i + 1, i + 4).some((next) => OUTLOOK_NEXT.test(next))) return i;
    if (line.length <= 300 && WROTE.test(line) && quotedAfter(i)) return i;
  }
  // The block of quoted (and blank) lines that ends the e-mail.
  let end = lines.length;
  while (end > 0 && (QUOTED.test(lines[end - 1] ?? '') || (lines[end - 1] ?? '').trim() === '')) end -= 1;
  return lines.slice(end).some((line) => QUOTED.test(line)) ? end : lines.length;
}

/**
 * The reply's own text; `ours`: the server's addresses (its From and its reply address, whose tagged forms count
 * too). Empty when the e-mail holds nothing but the quote.
 */
export function replyText(body: string, ours: readonly string[]): string {
  let lines = body.replace(/\r\n?/gu, '\n').split('\n');
  lines = lines.slice(0, quoteStart(lines, ours));
  const signature = lines.findIndex((line) => SIGNATURE.test(line));
  if (signature > 0) lines = lines.slice(0, signature);
  while (lines.length > 0 && ((lines.at(-1) ?? '').trim() === '' || SENT_FROM.test(lines.at(-1) ?? ''))) lines.pop();
  return lines.join('\n').replace(/\n{3,}/gu, '\n\n').trim();
}
