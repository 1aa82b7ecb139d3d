/** The shell's screens as data: which one shows, and what it was opened with. */

/** One screen of the panel. */
export type Screen =
  | { name: 'form' }
  | { name: 'tickets'; focusTicketId?: string; notice?: string }
  | { name: 'ticket'; ticketId: string; justCreated: boolean; accessKey?: string }
  /** A ticket named by its number (a link, `open({ ticket })`), until it is found. */
  | { name: 'link'; number: string };

/** Which navigation tab a screen belongs to. */
export function tabOf(screen: Screen): 'new' | 'tickets' {
  return screen.name === 'form' ? 'new' : 'tickets';
}
