/** The shell's screens as data: which one shows, and what it was opened with. */

/** One screen of the panel. */
export type Screen =
  | { name: 'form' }
  // `sent`: how many tickets a split registered, said in the language shown at the time it is read.
  | { name: 'tickets'; focusTicketId?: string; sent?: number }
  | { name: 'ticket'; ticketId: string; justCreated: boolean; accessKey?: string }
  /** A ticket named by its number (a link, `open({ ticket })`), until it is found. */
  | { name: 'link'; number: string };

/** Which navigation tab a screen belongs to. */
export function tabOf(screen: Screen): 'new' | 'tickets' {
  return screen.name === 'form' ? 'new' : 'tickets';
}
