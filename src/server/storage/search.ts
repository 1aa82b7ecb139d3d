/**
 * Support's search (the number, the subject, the description, the reporter's name, e-mail and organisation), the same
 * on both engines: case and ё do not matter («матрица» finds
 * «Матрица», «елка» finds «Ёлка»). SQLite's LIKE ignores case in ASCII only and PostgreSQL's lower() follows the
 * database's locale, so both compare text folded here (SQLite through the `fold` function every connection
 * registers, PostgreSQL with the same rule in SQL).
 */

/** `text` lowercased as Unicode says, with ё as е. */
export function foldForSearch(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е');
}

/** The LIKE pattern of a search: the folded text anywhere, its `%`, `_` and `\` matched as themselves. */
export function searchPattern(text: string): string {
  return `%${foldForSearch(text).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
