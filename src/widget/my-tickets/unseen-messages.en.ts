/** English texts of the 'unseen' namespace: loaded only when the widget speaks English (see app/english.ts). */
export const unseenMessagesEn = {
  badgeMax: '9+',
  badge_one: '{{count}} request changed',
  badge_other: '{{count}} requests changed',
};
