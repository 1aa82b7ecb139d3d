/**
 * True when nothing has the focus: the focused element was removed, and the focus fell to the page's body. `node`
 * is a connected node of the widget (its root, a shadow root, is where the focus was).
 */
export function focusFell(node: Node): boolean {
  const active = (node.getRootNode() as Document | ShadowRoot).activeElement;
  const page = document.activeElement;
  return (active === null || active === document.body) && (page === null || page === document.body);
}
