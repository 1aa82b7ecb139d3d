/**
 * `text` with its first letter capitalised, as a subject or a split part opens, unless its first word is written
 * the way it must stay: a link, an address or an e-mail («https://…», «lms.example.ru», «ivanov@…»), or a name
 * with a capital inside it («iPhone», «eLearning»).
 */
export function capitalizeFirst(text: string): string {
  const word = /^\S*/u.exec(text)?.[0] ?? '';
  return /[/@:.]\S|\p{Lu}/u.test(word) ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
