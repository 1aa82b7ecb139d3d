/** Texts of the unseen-changes badge (namespace 'unseen'), shown by the shell's navigation in the widget file. Russian; the English texts are in the .en module beside, loaded only for English. */
export const unseenMessages = {
  ru: {
    badgeMax: '9+',
    badge_one: '{{count}} обращение изменилось',
    badge_few: '{{count}} обращения изменились',
    badge_many: '{{count}} обращений изменились',
    badge_other: '{{count}} обращения изменились',
  },
};
