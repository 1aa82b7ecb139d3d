/** Links of the support channels; the channels themselves come from the core (the server's, else the policy's). */

/** `mailto:` link of an address. */
export function mailtoHref(email: string): string {
  return `mailto:${email}`;
}

/** `tel:` link of a phone number, digits (and a leading +) only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
