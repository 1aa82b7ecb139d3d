import { normalizeText } from './stem';

/** A list found in a description: the text before it and its items (markers removed). */
export interface FoundList {
  intro: string;
  items: string[];
  /** Each item's marker as written ("1.", "2)", "-", "Вопрос:"). */
  markers: string[];
  /** Items opened by labels of separate requests ("Предложение: … Ошибка: …"): each item is one. */
  labelled?: boolean;
}

// "1. ", "2) ", "а) ", "- ", "• " at the start of a line; a digit must be followed by a space or a letter,
// so a date ("12.03 создали заявку") is not taken for an item; a letter only with ")" and a space ("а) …").
const LINE_MARKER = /^\s*(?:\d{1,2}\s?[.)](?=\s|\p{L}|«|")|[а-иa-h]\)(?=\s)|[-–—•*●▪·](?=\s|\p{L}))\s*/u;

// "1. … 2. …" or "1) … 2) …" inside one line; not after a letter, digit or dot (not "№1543." or "v1.2").
const INLINE_MARKER = /(?<![\p{L}\d.,:/-])(\d{1,2})[.)](?=\s+[\p{L}«"])/gu;

function findLineList(text: string): FoundList | null {
  const lines = text.split(/\r?\n/);
  const introLines: string[] = [];
  const items: string[] = [];
  const markers: string[] = [];
  for (const line of lines) {
    const marker = LINE_MARKER.exec(line);
    if (marker !== null) {
      items.push(line.slice(marker[0].length).trim());
      markers.push(marker[0].trim());
    }
    else if (items.length === 0) introLines.push(line);
    // Unmarked lines after an item continue it ("Результат: страница зависает.").
    else if (line.trim() !== '') items[items.length - 1] += `\n${line.trim()}`;
  }
  return items.length >= 2 ? { intro: introLines.join('\n').trim(), items, markers } : null;
}

function findInlineList(text: string): FoundList | null {
  const starts: { at: number; body: number; marker: string }[] = [];
  for (const match of text.matchAll(INLINE_MARKER)) {
    // Only a run numbered 1, 2, 3… is a list; "урок 3." alone is not.
    if (Number(match[1]) === starts.length + 1) starts.push({ at: match.index, body: match.index + match[0].length, marker: match[0] });
  }
  if (starts.length < 2) return null;
  // "…: 1. …; 2. …": the separator before the next number belongs to neither item.
  const items = starts.map((s, i) => text.slice(s.body, starts[i + 1]?.at ?? text.length).trim().replace(/[;,]$/u, ''));
  return { intro: text.slice(0, starts[0]?.at ?? 0).trim(), items, markers: starts.map((s) => s.marker) };
}

// "у меня несколько вопросов: …; …; и …": items after a colon, separated by semicolons.
function findSemicolonList(text: string): FoundList | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const items = text.slice(colon + 1).split(';').map((item) => item.trim().replace(/^и\s+/u, '')).filter((item) => item !== '');
  if (items.length < 2) return null;
  return { intro: text.slice(0, colon + 1).trim(), items, markers: items.map(() => ';') };
}

// A label opening a line or a sentence: a kind of request ("Вопрос:", "Предложение 2 —") or a topic ("По оплате:").
const LABEL =
  /(?<=^|\n|[.!?]\s+)(?:(предложение|пожелание|идея|ошибка|баг|проблема|вопрос|жалоба|просьба)(?:\s*(?:№\s?)?(\d{1,2}))?|по\s+(оплате|документам|договору|счету|счетам|доступу|обучению|курсу|курсам|тестам|удостоверениям|отчетам|заявке|заявкам|сертификатам|профилю|кабинету))\s*[:—–](?=\s)/gu;
const FAILURE_LABELS = new Set(['ошибка', 'баг', 'проблема']);

// "Предложение: … Ошибка: … Вопрос: …", "Предложение 1: … Предложение 2: …", "По оплате: … По документам: …".
function findLabelList(text: string): FoundList | null {
  const found = [...normalizeText(text).matchAll(LABEL)].map((m) => ({ at: m.index, body: m.index + m[0].length, word: m[1] ?? m[3] ?? '', number: m[2] }));
  if (found.length < 2) return null;
  const words = new Set(found.map((f) => f.word));
  const numbered = found.every((f) => f.number !== undefined);
  // Two labels of one failure ("Проблема: … Ошибка: «500»") describe it; labels of different kinds or
  // topics, or numbered ones, announce separate requests.
  const distinct = words.size >= 2 && [...words].some((w) => !FAILURE_LABELS.has(w));
  if (!numbered && !distinct) return null;
  const items = found.map((f, i) => text.slice(f.body, found[i + 1]?.at ?? text.length).trim());
  return { intro: text.slice(0, found[0]?.at ?? 0).trim(), items, markers: found.map((f) => text.slice(f.at, f.body).trim()), labelled: true };
}

/** Finds a bulleted or numbered list (one item per line, labels, "1. … 2. …" inline, or "…: …; …"); null when there is none. */
export function findList(text: string): FoundList | null {
  return findLineList(text) ?? findLabelList(text) ?? findInlineList(text) ?? findSemicolonList(text);
}
