/**
 * Masks what people typed before a DOM capture. It works on the capture library's CLONE of each node, so the
 * host page's real fields are never touched. A field may hold a password, a passport number or a phone.
 */

/** What replaces any typed value: fixed length, so not even the length leaks. */
export const MASK = '••••••';

const UNMASKED_INPUT_TYPES = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color', 'image', 'hidden', 'file']);

/**
 * Masks one cloned node in place: input values, textarea text, select options, and the text of an element the user
 * edits in place (`contenteditable`: a rich-text answer). A node of a same-origin frame's document comes from that
 * frame's window, where `instanceof Element` is false: the node's type says what it is.
 */
export function maskClonedNode(cloned: Node): void {
  if (cloned.nodeType !== Node.ELEMENT_NODE) return;
  const node = cloned as Element;
  const tag = node.tagName;
  const editable = node.getAttribute('contenteditable');
  // The library calls this after a node's children were cloned: the whole edited text goes at once.
  if (editable !== null && editable.toLowerCase() !== 'false') {
    node.textContent = node.textContent === '' ? '' : MASK;
    return;
  }
  if (tag === 'INPUT') {
    const type = (node.getAttribute('type') ?? 'text').toLowerCase();
    if (UNMASKED_INPUT_TYPES.has(type)) return;
    const filled = (node as HTMLInputElement).value !== '' || (node.getAttribute('value') ?? '') !== '';
    const masked = filled ? MASK : '';
    node.setAttribute('value', masked);
    (node as HTMLInputElement).value = masked;
    return;
  }
  if (tag === 'TEXTAREA') {
    const filled = (node as HTMLTextAreaElement).value !== '' || (node.getAttribute('value') ?? '') !== '' || node.textContent !== '';
    const masked = filled ? MASK : '';
    node.textContent = masked;
    node.setAttribute('value', masked);
    (node as HTMLTextAreaElement).value = masked;
    return;
  }
  if (tag === 'SELECT') {
    for (const option of Array.from(node.querySelectorAll('option'))) option.textContent = MASK;
  }
}
