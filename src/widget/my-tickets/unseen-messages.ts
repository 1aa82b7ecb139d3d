/** Texts of the unseen-changes badge (namespace 'unseen'), shown by the shell's navigation in the main chunk. */
export const unseenMessages = {
  ru: {
    badgeMax: '9+',
    badge_one: '{{count}} обращение изменилось',
    badge_few: '{{count}} обращения изменились',
    badge_many: '{{count}} обращений изменились',
    badge_other: '{{count}} обращения изменились',
  },
  en: {
    badgeMax: '9+',
    badge_one: '{{count}} request changed',
    badge_other: '{{count}} requests changed',
  },
};
